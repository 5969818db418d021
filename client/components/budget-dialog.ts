import { html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import type { Release } from '#common/catalog';
import { releaseBytes } from '#common/release-facts';
import type { BudgetAnswer } from '#browser/downloads/storage-policy';
import { formatBytes } from '../format.js';
import { dialogStyles } from './dialog-styles.js';
import { sharedStyles } from './shared-styles.js';

/** What the person chose when a download would go over their budget. */
export type BudgetChoice = 'remove-and-download' | 'download-anyway' | 'cancel';

type OverBudget = Extract<BudgetAnswer, { fits: false }> & { readonly budget: number };

/**
 * "Over your storage budget": says by how much, what would have to go to make room (watched films,
 * then the least recently played; pinned ones never), and lets the person choose. A modal with
 * Cancel focused; Escape cancels; focus goes back to the Download button.
 */
export class BudgetDialog extends AppElement {
  static override properties = { release: { state: true }, answer: { state: true } };
  static override styles = [sharedStyles, dialogStyles];

  declare release: Release | undefined;
  declare answer: OverBudget | undefined;
  #settle: ((choice: BudgetChoice) => void) | undefined;
  #opener: HTMLElement | undefined;

  /** Opens the dialog and resolves with the choice once it closes. */
  async ask(release: Release, answer: OverBudget, opener: HTMLElement | undefined): Promise<BudgetChoice> {
    this.release = release;
    this.answer = answer;
    this.#opener = opener;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    dialog?.showModal();
    dialog?.querySelector<HTMLButtonElement>('button[autofocus]')?.focus();
    return new Promise((resolve) => (this.#settle = resolve));
  }

  override render() {
    const { release, answer } = this;
    if (!release || !answer) return html`<dialog></dialog>`;
    const remove = answer.remove;
    return html`<dialog aria-labelledby="budget-title" aria-describedby="budget-text" @close=${this.#closed}>
      <h2 id="budget-title">Over your storage budget</h2>
      <p id="budget-text">
        “${release.title}” (${formatBytes(releaseBytes(release))}) would take your downloads ${formatBytes(answer.over)} over your
        budget of ${formatBytes(answer.budget)}.
        ${
          remove
            ? remove.length === 1
              ? 'To make room, Stowaway would remove this download of yours:'
              : `To make room, Stowaway would remove these ${remove.length} downloads of yours:`
            : 'Removing every download that is not pinned would not make enough room.'
        }
      </p>
      ${
        remove
          ? html`<ul aria-label="Would be removed">
              ${remove.map((r) => html`<li>${r.title} (${formatBytes(r.bytes)})</li>`)}
            </ul>`
          : nothing
      }
      <div class="bar">
        <button autofocus @click=${() => this.#choose('cancel')}>Cancel</button>
        <button @click=${() => this.#choose('download-anyway')}>Download anyway</button>
        ${
          remove
            ? html`<button class="destructive" @click=${() => this.#choose('remove-and-download')}>
                Remove ${remove.length === 1 ? 'it' : `these ${remove.length}`} and download
              </button>`
            : nothing
        }
      </div>
    </dialog>`;
  }

  #chosen: BudgetChoice = 'cancel';

  #choose(choice: BudgetChoice): void {
    this.#chosen = choice;
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** Escape closes too, as Cancel. */
  #closed(): void {
    if (this.renderRoot.querySelector('dialog')?.open) return; // a late close of an earlier opening
    const choice = this.#chosen;
    this.#chosen = 'cancel';
    if (this.#opener?.isConnected) this.#opener.focus();
    this.#settle?.(choice);
    this.#settle = undefined;
  }
}
customElements.define('budget-dialog', BudgetDialog);

declare global {
  interface HTMLElementTagNameMap {
    'budget-dialog': BudgetDialog;
  }
}
