import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { serverReachable } from '../state/connectivity.js';
import { StoreController } from '../state/store.js';

/** Says so when the network or the server is gone, and what still works. */
export class OfflineBanner extends AppElement {
  static override styles = css`
    p {
      margin: 0;
      padding: 0.6em 1em;
      background: var(--surface-2);
      border-bottom: 1px solid var(--border);
      text-align: center;
    }
  `;

  constructor() {
    super();
    new StoreController(this, [serverReachable]);
  }

  override render() {
    return html`<div role="status" aria-live="polite">
      ${
        serverReachable.value
          ? nothing
          : html`<p>You are offline. Your downloads still play; the library shows what was last seen.</p>`
      }
    </div>`;
  }
}
customElements.define('offline-banner', OfflineBanner);

declare global {
  interface HTMLElementTagNameMap {
    'offline-banner': OfflineBanner;
  }
}
