import { html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import type { Release } from '#common/catalog';
import { bytesAt, QUALITY_LABELS, releaseQualities, type Quality } from '#common/renditions';
import { formatBytes } from '../format.js';
import { dialogStyles } from './dialog-styles.js';
import { sharedStyles } from './shared-styles.js';

/**
 * "Download quality": each quality the release offers with the bytes it would store, shown before
 * anything is fetched. Asked when the person's setting is "Ask each time", when they press
 * "Other quality…", and to change the quality of a download. A modal; Escape cancels; focus goes
 * back to the button that opened it.
 */
export class QualityDialog extends AppElement {
  static override properties = { release: { state: true }, selected: { state: true }, current: { state: true } };
  static override styles = [sharedStyles, dialogStyles];

  declare release: Release | undefined;
  declare selected: Quality;
  /** The quality already downloaded, when this changes it. */
  declare current: Quality | undefined;
  #settle: ((quality: Quality | undefined) => void) | undefined;
  #opener: HTMLElement | undefined;
  #chosen: Quality | undefined;

  constructor() {
    super();
    this.selected = 'normal';
  }

  /** Opens the dialog with `preselected` checked; resolves with the chosen quality, or undefined on Cancel. */
  async ask(
    release: Release,
    preselected: Quality,
    opener: HTMLElement | undefined,
    current?: Quality,
  ): Promise<Quality | undefined> {
    this.release = release;
    this.selected = preselected;
    this.current = current;
    this.#opener = opener;
    this.#chosen = undefined;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    dialog?.showModal();
    dialog?.querySelector<HTMLInputElement>('input:checked')?.focus();
    return new Promise((resolve) => (this.#settle = resolve));
  }

  override render() {
    const { release, current } = this;
    if (!release) return html`<dialog></dialog>`;
    const verb = current ? 'Change' : 'Download';
    return html`<dialog aria-labelledby="quality-title" @close=${this.#closed}>
      <h2 id="quality-title">${current ? 'Change the download quality' : 'Download quality'}</h2>
      <p>
        “${release.title}”${
          current
            ? html`: the ${QUALITY_LABELS[current]} copy stays and plays until the quality you choose is downloaded, then it is
              removed.`
            : nothing
        }
      </p>
      <fieldset class="choices">
        <legend class="visually-hidden">Quality</legend>
        ${releaseQualities(release).map(
          (quality) =>
            html`<label class="check"
              ><input
                type="radio"
                name="quality"
                value=${quality}
                .checked=${quality === this.selected}
                @change=${() => (this.selected = quality)}
              />${QUALITY_LABELS[quality]} ·
              ${formatBytes(bytesAt(release, quality))}${quality === current ? ' (downloaded)' : ''}</label
            >`,
        )}
      </fieldset>
      <div class="bar">
        <button @click=${() => this.#close(undefined)}>Cancel</button>
        <button class="primary" ?disabled=${this.selected === current} @click=${() => this.#close(this.selected)}>${verb}</button>
      </div>
    </dialog>`;
  }

  #close(quality: Quality | undefined): void {
    this.#chosen = quality;
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** Escape closes too, as Cancel. */
  #closed(): void {
    if (this.renderRoot.querySelector('dialog')?.open) return; // a late close of an earlier opening
    if (this.#opener?.isConnected) this.#opener.focus();
    this.#settle?.(this.#chosen);
    this.#settle = undefined;
  }
}
customElements.define('quality-dialog', QualityDialog);

declare global {
  interface HTMLElementTagNameMap {
    'quality-dialog': QualityDialog;
  }
}
