import { LitElement, css, html } from 'lit';
import { MAX_DOWNLOADS_CHOICES } from '#common/download-ledger';
import { appState } from '#browser/state/app-state';
import { pumpFromPage } from '../downloads/page-queue.js';
import { sharedStyles } from './shared-styles.js';

/** How many releases download at once; the others wait in the queue, in order. */
export class DownloadSettings extends LitElement {
  static override properties = { max: { state: true }, saved: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      label {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
      }
    `,
  ];

  declare max: number | undefined;
  declare saved: boolean;

  constructor() {
    super();
    this.max = undefined;
    this.saved = false;
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    this.max = await appState.maxDownloads();
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
    </section>`;
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
