import { LitElement, css, html } from 'lit';
import { StoreController } from '../state/store.js';
import { toast } from '../state/toast.js';
import { floatingNoticeStyles } from './floating-notice-styles.js';

/** Shows the latest toast above the mini-player, and says it to screen readers. */
export class ToastNotice extends LitElement {
  static override styles = [
    floatingNoticeStyles,
    css`
      :host {
        pointer-events: none;
      }
      p {
        margin: 0;
        padding: 0.6em 1.1em;
        border-radius: 999px;
        background: var(--text);
        color: var(--bg);
        box-shadow: var(--shadow);
        white-space: nowrap;
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
