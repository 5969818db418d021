import { LitElement, css, html, nothing } from 'lit';
import type { Release } from '#common/catalog';
import type { DownloadRecord } from '#common/download-ledger';
import { cancelDownload, pauseDownload, removeDownload, resumeDownload, startDownload } from '../downloads/download-actions.js';
import { budgetFor } from '#browser/downloads/kept-downloads';
import './budget-dialog.js';
import { sharedStyles } from './shared-styles.js';

/**
 * The buttons a download has in its state: Download; Pause and Cancel while it runs; Resume and
 * Cancel when paused; Cancel while queued; Retry when it failed; Remove when it is done. A refusal
 * (no room, say) is said next to them.
 */
export class DownloadControls extends LitElement {
  static override properties = {
    release: { attribute: false },
    record: { attribute: false },
    named: { type: Boolean },
    message: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: contents;
      }
      .message {
        color: var(--danger);
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  /** The release as the catalog has it now (a Retry takes its current manifest), when known. */
  declare release: Release | undefined;
  declare record: DownloadRecord | undefined;
  /** In a list of downloads, each button says which release it acts on ("Pause download Harbour Lights"). */
  declare named: boolean;
  declare message: string;

  /**
   * Set when a button here was pressed: the buttons change with the download's state (Download
   * gives way to Cancel, then to Remove), and the focus must move to the new ones rather than fall
   * to the page. Cleared once the person moves focus or taps elsewhere.
   */
  #keepFocus = false;

  constructor() {
    super();
    this.named = false;
    this.message = '';
    this.addEventListener('focusout', (event) => {
      const to = event.relatedTarget as Node | null;
      if (to && !this.renderRoot.contains(to)) this.#keepFocus = false;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onPointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onPointerDown, true);
  }

  readonly #onPointerDown = (event: Event) => {
    if (!event.composedPath().includes(this)) this.#keepFocus = false;
  };

  protected override updated(): void {
    const focusLost = document.activeElement === document.body || document.activeElement === null;
    if (this.#keepFocus && focusLost) this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus();
  }

  override render() {
    const r = this.record;
    const title = r?.release.title ?? this.release?.title ?? '';
    const button = (label: string, action: () => Promise<void>, kind = '') =>
      html`<button
        class=${kind}
        aria-label=${this.named ? `${label} ${title}` : label}
        @click=${(e: Event) => this.#act(action, e.currentTarget as HTMLElement)}
      >
        ${label}
      </button>`;
    const release = this.release ?? r?.release;
    let buttons;
    if (!r) buttons = release ? button('Download', () => this.#download(release)) : nothing;
    else if (r.state === 'done') buttons = button('Remove download', () => removeDownload(r.releaseId), 'danger');
    else if (r.state === 'failed')
      buttons = html`${button('Retry download', () => this.#download(release ?? r.release))}
      ${button('Remove download', () => removeDownload(r.releaseId), 'danger')}`;
    else if (r.state === 'paused')
      buttons = html`${button('Resume download', () => resumeDownload(r.releaseId))}
      ${button('Cancel download', () => cancelDownload(r.releaseId))}`;
    else if (r.state === 'downloading')
      buttons = html`${button('Pause download', () => pauseDownload(r.releaseId))}
      ${button('Cancel download', () => cancelDownload(r.releaseId))}`;
    else buttons = button('Cancel download', () => cancelDownload(r.releaseId));
    return html`${buttons}${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      <budget-dialog></budget-dialog>`;
  }

  #opener: HTMLElement | undefined;

  /** Download, or Retry: within the person's budget at once, else as they choose in the budget dialog. */
  async #download(release: Release): Promise<void> {
    const answer = await budgetFor(release);
    if (!answer.fits) {
      const dialog = this.renderRoot.querySelector('budget-dialog');
      const choice = dialog ? await dialog.ask(release, answer, this.#opener) : 'cancel';
      if (choice === 'cancel') return;
      if (choice === 'remove-and-download') for (const kept of answer.remove ?? []) await removeDownload(kept.releaseId);
    }
    await startDownload(release);
  }

  async #act(action: () => Promise<void>, opener: HTMLElement): Promise<void> {
    this.#opener = opener;
    this.#keepFocus = true;
    this.message = '';
    try {
      await action();
    } catch (error) {
      this.message = (error as Error).message;
    }
  }
}
customElements.define('download-controls', DownloadControls);

declare global {
  interface HTMLElementTagNameMap {
    'download-controls': DownloadControls;
  }
}
