import { LitElement, css, html } from 'lit';
import { formatBytes } from '../format.js';
import { storageInfo } from '../state/storage-info.js';
import { StoreController } from '../state/store.js';
import { sharedStyles } from './shared-styles.js';

/** Storage used and available, from navigator.storage.estimate(). */
export class StorageMeter extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      meter {
        width: 100%;
        height: 10px;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [storageInfo]);
  }

  override render() {
    const { usage, quota } = storageInfo.value;
    if (usage === undefined || quota === undefined) return html`<p class="muted">This browser does not report storage use.</p>`;
    return html`<p>
        <strong>${formatBytes(usage)}</strong> used · <strong>${formatBytes(Math.max(0, quota - usage))}</strong> available
      </p>
      <meter min="0" max=${quota} .value=${usage} aria-label="Storage used"></meter>`;
  }
}
customElements.define('storage-meter', StorageMeter);

declare global {
  interface HTMLElementTagNameMap {
    'storage-meter': StorageMeter;
  }
}
