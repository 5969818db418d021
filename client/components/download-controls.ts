import { css, html, nothing } from 'lit';
import { PagePart } from './page-part.js';
import type { Release } from '#common/catalog';
import type { DownloadRecord } from '#common/download-ledger';
import {
  bytesAt,
  DEFAULT_QUALITY,
  QUALITY_LABELS,
  qualityOf,
  releaseAt,
  releaseQualities,
  type Quality,
} from '#common/renditions';
import { releaseBytes } from '#common/release-facts';
import {
  cancelDownload,
  changeQuality,
  pauseDownload,
  removeDownload,
  resumeDownload,
  startDownload,
} from '../downloads/download-actions.js';
import { budgetFor } from '#browser/downloads/kept-downloads';
import { formatBytes } from '../format.js';
import { downloadChoiceFor, qualitySettings } from '../state/quality-settings.js';
import { StoreController } from '../state/store.js';
import './budget-dialog.js';
import './quality-dialog.js';
import { sharedStyles } from './shared-styles.js';

/**
 * The buttons a download has in its state: Download; Pause and Cancel while it runs; Resume and
 * Cancel when paused; Cancel while queued; Retry when it failed; Remove when it is done. A refusal
 * (no room, say) is said next to them. A release in several qualities says, before anything is
 * fetched, which quality a download takes and its size, and offers the others (quality-dialog.ts).
 */
export class DownloadControls extends PagePart {
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
      .quality {
        flex-basis: 100%;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4em 0.5em;
      }
      .quality button {
        min-height: 44px;
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
    new StoreController(this, [qualitySettings]);
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
    const button = this.#keepFocus && focusLost ? this.renderRoot.querySelector<HTMLButtonElement>('button') : null;
    if (!button) return;
    // A tap must not move the page under the finger (on a small phone focus() scrolled it 280 px to
    // bring Pause into view); a keyboard user, whose focus shows, is taken to the new button.
    button.focus({ preventScroll: true });
    if (button.matches(':focus-visible')) button.scrollIntoView({ block: 'nearest' });
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
    if (!r) buttons = release ? button('Download', () => this.#download(release, this.#opener)) : nothing;
    else if (r.state === 'done') buttons = button('Remove download', () => removeDownload(r.releaseId), 'danger');
    else if (r.state === 'failed')
      buttons = html`${button('Retry download', () => this.#retry(release ?? r.release, r))}
      ${button('Remove download', () => removeDownload(r.releaseId), 'danger')}`;
    else if (r.state === 'paused')
      buttons = html`${button('Resume download', () => resumeDownload(r.releaseId))}
      ${button('Cancel download', () => cancelDownload(r.releaseId))}`;
    else if (r.state === 'downloading')
      buttons = html`${button('Pause download', () => pauseDownload(r.releaseId))}
      ${button('Cancel download', () => cancelDownload(r.releaseId))}`;
    else buttons = button('Cancel download', () => cancelDownload(r.releaseId));
    return html`${buttons}${this.#qualityNote(release, r)}${
        this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing
      } <budget-dialog></budget-dialog><quality-dialog></quality-dialog>`;
  }

  /**
   * On a release page, for a release in several qualities: the quality a download takes (or took)
   * and its size, and the way to another one. In a list of downloads the row says it instead.
   */
  #qualityNote(release: Release | undefined, r: DownloadRecord | undefined) {
    if (this.named || !release || releaseQualities(release).length < 2) return nothing;
    const other = (label: string, action: (opener: HTMLElement) => Promise<void>) =>
      html`<button
        @click=${(e: Event) => this.#act(() => action(e.currentTarget as HTMLElement), e.currentTarget as HTMLElement)}
      >
        ${label}
      </button>`;
    if (!r) {
      const choice = downloadChoiceFor(release);
      if (choice === 'ask') {
        const sizes = releaseQualities(release).map((q) => bytesAt(release, q));
        return html`<p class="quality muted">
          You choose the quality when you download: ${formatBytes(Math.min(...sizes))} to ${formatBytes(Math.max(...sizes))}.
        </p>`;
      }
      return html`<p class="quality muted">
        <span>${QUALITY_LABELS[choice]} quality · ${formatBytes(bytesAt(release, choice))}</span>
        ${other('Other quality…', (opener) => this.#download(release, opener, choice))}
      </p>`;
    }
    const quality = qualityOf(r.release);
    if (!quality) return nothing;
    const size = html`<span>${QUALITY_LABELS[quality]} quality · ${formatBytes(releaseBytes(r.release))}</span>`;
    const old = r.replacing && qualityOf(r.replacing);
    if (r.state !== 'done' && old) {
      return html`<p class="quality muted">
        Changing to ${QUALITY_LABELS[quality]} (${formatBytes(releaseBytes(r.release))}): the ${QUALITY_LABELS[old]} copy plays
        until it is in. Cancel keeps the ${QUALITY_LABELS[old]} copy.
      </p>`;
    }
    if (r.state !== 'done') return html`<p class="quality muted">${size}</p>`;
    return html`<p class="quality muted">
      ${size} ${other('Change quality…', (opener) => this.#changeQuality(release, quality, opener))}
    </p>`;
  }

  async #changeQuality(release: Release, current: Quality, opener: HTMLElement): Promise<void> {
    const chosen = await this.renderRoot.querySelector('quality-dialog')?.ask(release, current, opener, current);
    if (!chosen || chosen === current) return;
    if (!(await this.#withinBudget(releaseAt(release, chosen)))) return;
    await changeQuality(release, chosen);
  }

  #opener: HTMLElement | undefined;

  /**
   * Download: in the person's quality for this kind of release, or the one they choose here when
   * they asked to be asked (or pressed "Other quality…": `ask` is then the quality to preselect).
   */
  async #download(release: Release, opener: HTMLElement | undefined, ask?: Quality): Promise<void> {
    let quality: Quality | undefined;
    const choice = downloadChoiceFor(release);
    if (releaseQualities(release).length > 1 && (ask || choice === 'ask')) {
      const preselected = ask ?? DEFAULT_QUALITY;
      quality = await this.renderRoot.querySelector('quality-dialog')?.ask(release, preselected, opener);
      if (!quality) return;
    } else if (choice !== 'ask') quality = choice;
    if (!(await this.#withinBudget(quality ? releaseAt(release, quality) : release))) return;
    await startDownload(release, quality);
  }

  /** Retry a failed download in the quality it was asked for, with the catalog's current files. */
  async #retry(release: Release, record: DownloadRecord): Promise<void> {
    const quality = qualityOf(record.release);
    if (!(await this.#withinBudget(quality ? releaseAt(release, quality) : release))) return;
    await startDownload(release, quality);
  }

  /** Within the person's budget at once, else as they choose in the budget dialog. */
  async #withinBudget(release: Release): Promise<boolean> {
    const answer = await budgetFor(release);
    if (answer.fits) return true;
    const dialog = this.renderRoot.querySelector('budget-dialog');
    const choice = dialog ? await dialog.ask(release, answer, this.#opener) : 'cancel';
    if (choice === 'cancel') return false;
    if (choice === 'remove-and-download') for (const kept of answer.remove ?? []) await removeDownload(kept.releaseId);
    return true;
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
