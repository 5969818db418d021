import { css } from 'lit';

/**
 * A notice that floats centred above the bottom of the screen, clear of the mini-player (and, on
 * phones, of the tab bar: stowaway-app moves it up). Floating, it never pushes the page about.
 */
export const floatingNoticeStyles = css`
  :host {
    position: fixed;
    left: 50%;
    bottom: calc(7.5em + env(safe-area-inset-bottom));
    transform: translateX(-50%);
    z-index: 30;
  }
`;
