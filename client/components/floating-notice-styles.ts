import { css } from 'lit';

/**
 * A notice that floats centred above the bottom of the screen. Floating, it never pushes the page
 * about. stowaway-app lifts it above the tab bar on phones, and above the mini-player when one
 * shows; with neither, it sits near the bottom instead of over the middle of the page.
 */
export const floatingNoticeStyles = css`
  :host {
    position: fixed;
    left: 50%;
    bottom: calc(1em + env(safe-area-inset-bottom));
    transform: translateX(-50%);
    z-index: 30;
  }
`;
