import { LitElement, css, html, nothing } from 'lit';
import type { DownloadRecord, DownloadState } from '#common/download-ledger';
import { releaseBytes } from '#common/release-facts';
import { PAGES } from '#common/routes';
import { removeAllDownloads } from '../downloads/download-actions.js';
import { formatBytes } from '../format.js';
import { downloads } from '../state/downloads-store.js';
import { refreshStorageInfo } from '../state/storage-info.js';
import { StoreController } from '../state/store.js';
import './download-controls.js';
import './download-status.js';
import './storage-meter.js';
import { sharedStyles } from './shared-styles.js';

/** The order of the list: what moves first, then the queue in its order, then the rest. */
const ORDER: Record<DownloadState, number> = { downloading: 0, verifying: 0, queued: 1, paused: 2, failed: 3, done: 4 };

function byListOrder(a: DownloadRecord, b: DownloadRecord): number {
  return ORDER[a.state] - ORDER[b.state] || (a.state === 'done' ? b.updatedAt - a.updatedAt : a.requestedAt - b.requestedAt);
}

/** Everything stored or on its way: the queue with its controls, storage used and free, and removing downloads. */
export class DownloadsView extends LitElement {
  static override properties = { confirming: { state: true }, message: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 1em 0;
        display: grid;
        gap: 0.75em;
      }
      li {
        display: grid;
        grid-template-columns: 64px 1fr;
        gap: 0.75em;
        align-items: center;
        padding: 0.5em;
      }
      img {
        width: 64px;
        height: 64px;
        border-radius: 6px;
        object-fit: cover;
      }
      .controls {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
      }
      .confirm {
        padding: 1em;
        margin: 1em 0;
      }
    `,
  ];

  declare confirming: boolean;
  declare message: string;

  constructor() {
    super();
    new StoreController(this, [downloads]);
    this.confirming = false;
    this.message = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void refreshStorageInfo();
  }

  override render() {
    const records = [...downloads.value.values()].sort(byListOrder);
    return html`<h1 tabindex="-1">Downloads</h1>
      <storage-meter></storage-meter>
      ${this.message ? html`<p role="status">${this.message}</p>` : nothing}
      ${
        records.length === 0
          ? html`<p class="muted">Nothing is stored for offline use yet. Open an album or a movie and press Download.</p>`
          : html`<ul>
                ${records.map(
                  (record) =>
                    html`<li class="card">
                      <img src=${record.release.artwork} alt="" width="64" height="64" />
                      <div>
                        <a href=${PAGES.release(record.releaseId)}><strong>${record.release.title}</strong></a>
                        <div class="muted">${record.release.artist} · ${formatBytes(releaseBytes(record.release))}</div>
                        <download-status .record=${record}></download-status>
                      </div>
                      <div class="controls"><download-controls named .record=${record}></download-controls></div>
                    </li>`,
                )}
              </ul>
              ${
                this.confirming
                  ? html`<div class="card confirm" role="alertdialog" aria-labelledby="confirm-title">
                      <p id="confirm-title">
                        <strong>Remove all ${records.length} downloads?</strong> They will no longer play offline.
                      </p>
                      <div class="bar">
                        <button class="primary" @click=${this.#removeAll}>Remove all</button>
                        <button @click=${() => (this.confirming = false)}>Keep them</button>
                      </div>
                    </div>`
                  : html`<button class="danger" @click=${() => (this.confirming = true)}>Remove all downloads…</button>`
              }`
      }`;
  }

  async #removeAll(): Promise<void> {
    this.confirming = false;
    await removeAllDownloads();
    this.message = 'Removed every download.';
    await refreshStorageInfo();
  }
}
customElements.define('downloads-view', DownloadsView);

declare global {
  interface HTMLElementTagNameMap {
    'downloads-view': DownloadsView;
  }
}
