import { LitElement, css, html, nothing } from 'lit';
import { releaseBytes } from '#common/release-facts';
import { PAGES } from '#common/routes';
import { removeAllDownloads, removeDownload } from '../downloads/download-actions.js';
import { formatBytes } from '../format.js';
import { catalog, findRelease } from '../state/catalog-store.js';
import { downloads } from '../state/downloads-store.js';
import { refreshStorageInfo } from '../state/storage-info.js';
import { StoreController } from '../state/store.js';
import './download-status.js';
import './storage-meter.js';
import { sharedStyles } from './shared-styles.js';

/** Everything stored for offline use, storage used and free, and removing downloads. */
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
        grid-template-columns: 64px 1fr auto;
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
    new StoreController(this, [catalog, downloads]);
    this.confirming = false;
    this.message = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void refreshStorageInfo();
  }

  override render() {
    const records = [...downloads.value.values()].sort((a, b) => b.startedAt - a.startedAt);
    return html`<h1 tabindex="-1">Downloads</h1>
      <storage-meter></storage-meter>
      ${this.message ? html`<p role="status">${this.message}</p>` : nothing}
      ${
        records.length === 0
          ? html`<p class="muted">Nothing is stored for offline use yet. Open an album or a movie and press Download.</p>`
          : html`<ul>
                ${records.map((record) => {
                  const release = findRelease(record.releaseId);
                  const title = release?.title ?? record.releaseId;
                  return html`<li class="card">
                    ${release ? html`<img src=${release.artwork} alt="" width="64" height="64" />` : html`<span></span>`}
                    <div>
                      <a href=${PAGES.release(record.releaseId)}><strong>${title}</strong></a>
                      <div class="muted">${release ? `${release.artist} · ${formatBytes(releaseBytes(release))}` : ''}</div>
                      <download-status .record=${record}></download-status>
                    </div>
                    <button class="danger" aria-label="Remove ${title}" @click=${() => this.#remove(record.releaseId, title)}>
                      Remove
                    </button>
                  </li>`;
                })}
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

  async #remove(releaseId: string, title: string): Promise<void> {
    await removeDownload(releaseId);
    this.message = `Removed ${title}.`;
    await refreshStorageInfo();
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
