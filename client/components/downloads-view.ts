import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { artworkSrcset } from '#common/artwork-srcset';
import type { DownloadRecord, DownloadState } from '#common/download-ledger';
import { releaseBytes } from '#common/release-facts';
import { QUALITY_LABELS, qualityOf } from '#common/renditions';
import { PAGES } from '#common/routes';
import { removeAllDownloads } from '../downloads/download-actions.js';
import { appState } from '#browser/state/app-state';
import { formatBytes, formatDay } from '../format.js';
import { downloads } from '../state/downloads-store.js';
import { refreshStorageInfo } from '../state/storage-info.js';
import { StoreController } from '../state/store.js';
import './download-controls.js';
import './download-status.js';
import './storage-meter.js';
import { dialogStyles } from './dialog-styles.js';
import { sharedStyles } from './shared-styles.js';
import { icon } from './icons.js';
import { thumbnail } from './thumbnail.js';

/** The order of the list: what moves first, then the queue in its order, then the rest. */
const ORDER: Record<DownloadState, number> = { downloading: 0, verifying: 0, queued: 1, paused: 2, failed: 3, done: 4 };

function byListOrder(a: DownloadRecord, b: DownloadRecord): number {
  return ORDER[a.state] - ORDER[b.state] || (a.state === 'done' ? b.updatedAt - a.updatedAt : a.requestedAt - b.requestedAt);
}

/** "High · " for a release downloaded in one of several qualities; nothing for one offered in one. */
function qualityLabel(record: DownloadRecord): string {
  const quality = qualityOf(record.release);
  return quality ? `${QUALITY_LABELS[quality]} quality · ` : '';
}

/** Everything stored or on its way: the queue with its controls, storage used and free, and removing downloads. */
export class DownloadsView extends AppElement {
  static override properties = {
    message: { state: true },
    order: { state: true },
    pinned: { state: true },
    playedAt: { state: true },
  };
  static override styles = [
    sharedStyles,
    dialogStyles,
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
      label.sort {
        display: flex;
        align-items: center;
        gap: 0.5em;
        margin-top: 1em;
      }
    `,
  ];

  declare message: string;
  /** By state, the biggest first, or the longest unplayed first (to see what to remove). */
  declare order: 'state' | 'size' | 'played';
  /** Releases the person pinned (never removed by cleanup or to make room), and when each last played. */
  declare pinned: ReadonlySet<string>;
  declare playedAt: Readonly<Record<string, number>>;

  constructor() {
    super();
    new StoreController(this, [downloads]);
    this.message = '';
    this.order = 'state';
    this.pinned = new Set();
    this.playedAt = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void refreshStorageInfo();
    void Promise.all([appState.pinnedReleases(), appState.playedAt()]).then(([pinned, playedAt]) => {
      this.pinned = new Set(pinned);
      this.playedAt = playedAt;
    });
  }

  override render() {
    const size = (r: DownloadRecord) => releaseBytes(r.release);
    const played = (r: DownloadRecord) => this.playedAt[r.releaseId] ?? 0;
    const records = [...downloads.value.values()].sort(
      this.order === 'size'
        ? (a, b) => size(b) - size(a) || byListOrder(a, b)
        : this.order === 'played'
          ? (a, b) => played(a) - played(b) || byListOrder(a, b)
          : byListOrder,
    );
    return html`<h1 tabindex="-1">Downloads</h1>
      <storage-meter></storage-meter>
      ${this.message ? html`<p role="status">${this.message}</p>` : nothing}
      ${
        records.length === 0
          ? html`<p class="muted">Nothing is stored for offline use yet. Open an album or a film and press Download.</p>`
          : html`<label class="sort">
                Sort by
                <select @change=${(e: Event) => (this.order = (e.target as HTMLSelectElement).value as typeof this.order)}>
                  <option value="state" ?selected=${this.order === 'state'}>In progress first, then newest</option>
                  <option value="size" ?selected=${this.order === 'size'}>Size, biggest first</option>
                  <option value="played" ?selected=${this.order === 'played'}>Last played, longest ago first</option>
                </select>
              </label>
              <ul>
                ${records.map(
                  (record) =>
                    html`<li class="card">
                      ${thumbnail({ artwork: record.release.artwork, artworkSrcset: artworkSrcset(record.release) }, 64)}
                      <div>
                        <a href=${PAGES.release(record.releaseId)}><strong>${record.release.title}</strong></a>
                        <div class="muted">
                          ${record.release.artist} · ${formatBytes(releaseBytes(record.release))} · ${qualityLabel(record)}
                          ${this.playedAt[record.releaseId] ? `played ${formatDay(this.playedAt[record.releaseId] ?? 0)}` : 'not played yet'}
                        </div>
                        <download-status .record=${record}></download-status>
                      </div>
                      <div class="controls">
                        <download-controls named .record=${record}></download-controls>
                        ${record.state === 'done' ? this.#pin(record) : nothing}
                      </div>
                    </li>`,
                )}
              </ul>
              <button class="danger" @click=${this.#confirmRemoveAll}>Remove all downloads…</button>`
      }
      ${this.#confirmation(records)}`;
  }

  /** Pin: never removed by cleanup or to make room in the budget. */
  #pin(record: DownloadRecord) {
    const pinned = this.pinned.has(record.releaseId);
    return html`<button
      aria-pressed=${pinned ? 'true' : 'false'}
      aria-label="Pin ${record.release.title}"
      @click=${() => this.#togglePin(record.releaseId)}
    >
      ${icon('pin', 16)} ${pinned ? 'Pinned' : 'Pin'}
    </button>`;
  }

  async #togglePin(releaseId: string): Promise<void> {
    const pinned = !this.pinned.has(releaseId);
    await appState.setPinned(releaseId, pinned);
    this.pinned = new Set(await appState.pinnedReleases());
  }

  /** A modal: the page behind is inert, Tab stays inside, Escape cancels, focus comes back to the opener. */
  #confirmation(records: readonly DownloadRecord[]) {
    const done = records.filter((r) => r.state === 'done');
    const stored = done.length;
    const unfinished = records.length - stored;
    const title =
      stored === 1
        ? `Remove ${done[0]?.release.title}?`
        : stored > 1
          ? `Remove all ${stored} downloads?`
          : 'Cancel every download?';
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-text" @close=${this.#restoreFocus}>
      <h2 id="confirm-title">${title}</h2>
      <p id="confirm-text">
        ${stored === 1 ? 'It will no longer play offline.' : stored > 1 ? 'They will no longer play offline.' : ''}
        ${unfinished === 1 ? 'The unfinished download is cancelled too.' : unfinished > 1 ? `The ${unfinished} unfinished downloads are cancelled too.` : ''}
      </p>
      <div class="bar">
        <button autofocus @click=${() => this.#dialog()?.close()}>Cancel</button>
        <button class="destructive" @click=${this.#removeAll}>${stored > 0 ? 'Remove' : 'Stop them'}</button>
      </div>
    </dialog>`;
  }

  #opener: HTMLElement | undefined;
  /** Set once Remove went through: the opener is about to leave with the list. */
  #removed = false;

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #confirmRemoveAll(event: Event): void {
    this.#opener = event.currentTarget as HTMLElement;
    this.#dialog()?.showModal();
    // autofocus is honoured by showModal(), but say it: the safe choice has focus, never Remove.
    this.#dialog()?.querySelector<HTMLButtonElement>('button[autofocus]')?.focus();
  }

  #restoreFocus(): void {
    // A `close` event comes as a task of its own: one from an Escape can arrive after the dialog
    // was opened again (seen under load), and must not take the new opening's opener.
    if (this.#dialog()?.open) return;
    const opener = this.#opener;
    this.#opener = undefined;
    // After Remove the list, and the opener with it, goes: the heading, by the message, takes focus.
    if (opener?.isConnected && !this.#removed) opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    this.#removed = false;
  }

  async #removeAll(): Promise<void> {
    await removeAllDownloads();
    this.#removed = true;
    this.message = 'Removed every download.';
    this.#dialog()?.close();
    await refreshStorageInfo();
  }
}
customElements.define('downloads-view', DownloadsView);

declare global {
  interface HTMLElementTagNameMap {
    'downloads-view': DownloadsView;
  }
}
