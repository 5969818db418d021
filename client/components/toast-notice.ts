import { css, html } from 'lit';
import { AppElement } from './app-element.js';
import { StoreController } from '../state/store.js';
import { toast } from '../state/toast.js';
import { floatingNoticeStyles } from './floating-notice-styles.js';

/** Shows the latest toast above the mini-player, and says it to screen readers. */
export class ToastNotice extends AppElement {
  static override styles = [
    floatingNoticeStyles,
    css`
      /*
       * One line when it fits ("Added to queue"); a longer sentence wraps inside the screen. The
       * width is set here: placed at left 50%, the notice would otherwise shrink to half the screen.
       */
      :host {
        pointer-events: none;
        width: max-content;
        max-width: calc(100vw - 2em);
      }
      p {
        margin: 0;
        padding: 0.6em 1.1em;
        border-radius: 1.2em;
        background: var(--text);
        color: var(--bg);
        box-shadow: var(--shadow);
        text-align: center;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [toast]);
  }

  override render() {
    const text = toast.value;
    return html`<div role="status" aria-live="polite">${text ? html`<p>${text}</p>` : ''}</div>`;
  }
}
customElements.define('toast-notice', ToastNotice);

declare global {
  interface HTMLElementTagNameMap {
    'toast-notice': ToastNotice;
  }
}
