import { css, html } from 'lit';
import { PagePart } from './page-part.js';
import { MAX_DOWNLOADS_CHOICES } from '#common/download-ledger';
import { browserConnection, connectionInsight, type ConnectionInsight } from '#browser/downloads/connection-cost';
import { appState } from '#browser/state/app-state';
import { pumpFromPage } from '../downloads/page-queue.js';
import { sharedStyles } from './shared-styles.js';

/** What the browser can tell, for the sentence under "Download only on Wi-Fi…" (it never pretends). */
const INSIGHT_SAID: Record<ConnectionInsight, string> = {
  type: 'Downloads wait on mobile data and start by themselves on Wi-Fi.',
  'data-saver':
    'This browser does not say whether you are on Wi-Fi or mobile data, only whether Data Saver is on: downloads wait while it is on.',
  nothing: 'This browser does not say what kind of connection you are on, so downloads start on any connection.',
};

/**
 * How downloads run: how many at once (the others wait in the queue, in order), and whether they
 * wait for an unmetered connection.
 */
export class DownloadSettings extends PagePart {
  static override properties = { max: { state: true }, saved: { state: true }, unmeteredOnly: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      label:not(.check) {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
      }
    `,
  ];

  declare max: number | undefined;
  declare saved: boolean;
  declare unmeteredOnly: boolean | undefined;

  constructor() {
    super();
    this.max = undefined;
    this.saved = false;
    this.unmeteredOnly = undefined;
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    [this.max, this.unmeteredOnly] = await Promise.all([appState.maxDownloads(), appState.unmeteredOnly()]);
  }

  override render() {
    return html`<section class="card panel" aria-labelledby="downloads-title">
      <h2 id="downloads-title">Downloads</h2>
      <label>
        Downloads at once
        <select @change=${this.#change} ?disabled=${this.max === undefined}>
          ${MAX_DOWNLOADS_CHOICES.map((n) => html`<option value=${n} ?selected=${n === this.max}>${n}</option>`)}
        </select>
      </label>
      <p class="muted" role="status">
        ${this.saved ? 'Saved. ' : ''}The others wait in the queue and start in the order you asked for them.
      </p>
      <label class="check">
        <input
          type="checkbox"
          .checked=${this.unmeteredOnly ?? false}
          ?disabled=${this.unmeteredOnly === undefined}
          aria-describedby="unmetered-said"
          @change=${this.#changeUnmetered}
        />
        Download only on Wi-Fi or other unmetered connections
      </label>
      <p id="unmetered-said" class="muted">${INSIGHT_SAID[connectionInsight(browserConnection())]}</p>
    </section>`;
  }

  async #changeUnmetered(event: Event): Promise<void> {
    this.unmeteredOnly = (event.target as HTMLInputElement).checked;
    await appState.setUnmeteredOnly(this.unmeteredOnly);
    await pumpFromPage(); // turned off: downloads waiting for Wi-Fi start now
  }

  async #change(event: Event): Promise<void> {
    this.max = Number((event.target as HTMLSelectElement).value);
    await appState.setMaxDownloads(this.max);
    this.saved = true;
    await pumpFromPage(); // a larger limit starts queued downloads now
  }
}
customElements.define('download-settings', DownloadSettings);

declare global {
  interface HTMLElementTagNameMap {
    'download-settings': DownloadSettings;
  }
}
