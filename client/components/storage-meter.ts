import { css, html, nothing } from 'lit';
import { PagePart } from './page-part.js';
import { appState } from '#browser/state/app-state';
import { storedBytes } from '#browser/downloads/stored-bytes';
import { playableCopy } from '#common/download-ledger';
import { formatBytes } from '../format.js';
import { downloads } from '../state/downloads-store.js';
import { refreshStorageInfo, storageInfo } from '../state/storage-info.js';
import { StoreController } from '../state/store.js';
import { sharedStyles } from './shared-styles.js';

/** How often the browser's estimate is read again while the meter shows. */
const ESTIMATE_EVERY_MS = 5000;

/**
 * What downloads take (their own total, from the ledger: the browser's estimate also counts the
 * app itself and rounds), against the room the browser gives this site.
 */
export class StorageMeter extends PagePart {
  static override properties = { budget: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      p {
        margin: 0 0 0.4em;
      }
      meter {
        width: 100%;
        height: 10px;
      }
    `,
  ];

  /** Settings › Budget and cleanup: the budget for downloads; 0 when there is none. */
  declare budget: number;

  constructor() {
    super();
    new StoreController(this, [storageInfo, downloads]);
    this.budget = 0;
  }

  /**
   * The browser frees a finished or removed download's own copies lazily (Background Fetch's, in
   * Chromium, within about half a minute), and its estimate follows only then: read once, the
   * line about the app's other data showed those bytes for as long as the page stayed open (2.4 MB
   * after Remove all, for an app of 0.9 MB). Read again every few seconds while the meter shows.
   */
  #refresher: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void appState.storagePolicy().then((policy) => (this.budget = policy.budgetBytes));
    this.#refresher = setInterval(() => void refreshStorageInfo(), ESTIMATE_EVERY_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#refresher);
  }

  override render() {
    const stored = storedBytes(downloads.value.values());
    const releases = [...downloads.value.values()].filter((r) => playableCopy(r)).length;
    const { read, usage, quota } = storageInfo.value;
    const ownTotal =
      releases === 0
        ? html`<strong>Nothing</strong> downloaded`
        : html`<strong>${formatBytes(stored)}</strong> in ${releases} ${releases === 1 ? 'download' : 'downloads'}`;
    const budget = this.budget
      ? html`<p>
          Your budget <strong>${formatBytes(this.budget)}</strong>:
          ${stored <= this.budget ? `${formatBytes(this.budget - stored)} left` : `${formatBytes(stored - this.budget)} over`}
          <meter min="0" max=${this.budget} .value=${stored} aria-label="Downloads against the budget"></meter>
        </p>`
      : nothing;
    if (read && (usage === undefined || quota === undefined)) {
      return html`<p>${ownTotal}. This browser does not say how much room it gives the app.</p>
        ${budget}`;
    }
    // Until the browser answers, the same lines with the numbers to come: the list below stays put.
    const known = usage !== undefined && quota !== undefined;
    return html`<p>${ownTotal} · <strong>${known ? formatBytes(Math.max(0, quota - usage)) : '…'}</strong> free for Stowaway</p>
      <meter min="0" max=${quota ?? 1} .value=${known ? stored : 0} aria-label="Space taken by downloads"></meter>
      ${budget}
      <p class="muted">Other Stowaway data: ${known ? formatBytes(Math.max(0, usage - stored)) : '…'}.</p>`;
  }
}
customElements.define('storage-meter', StorageMeter);

declare global {
  interface HTMLElementTagNameMap {
    'storage-meter': StorageMeter;
  }
}
