import { css, html } from 'lit';
import { PagePart } from './page-part.js';
import { appState } from '#browser/state/app-state';
import type { StoragePolicy } from '#browser/downloads/storage-policy';
import { cleanUpDownloads } from '../downloads/storage-cleanup.js';
import { formatBytes } from '../format.js';
import { actionAnswer, type ActionAnswer } from './action-answer.js';
import { sharedStyles } from './shared-styles.js';

const GB = 1_000_000_000;
/** More than any device holds: a typo (1e9), not a budget. */
const MAX_BUDGET_GB = 100_000;
const UNPLAYED_DAYS_CHOICES = [0, 7, 30, 90] as const;

/**
 * Settings › Budget and cleanup: a budget for the downloads (a download that would go over it asks what to
 * remove) and the cleanup (films once watched, albums not played for a while; pinned ones never).
 */
export class StoragePolicySettings extends PagePart {
  static override properties = { policy: { state: true }, budgetSaid: { state: true }, cleanupSaid: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
        min-height: 44px;
      }
      input[type='number'] {
        width: 8em;
      }
      input[aria-invalid='true'] {
        border-color: var(--danger);
        outline: 2px solid var(--danger);
      }
      label.check {
        margin-top: 0.75em;
      }
      label.check + label.row {
        margin-top: 0.5em;
      }
    `,
  ];

  declare policy: StoragePolicy | undefined;
  /** Each answer under its own control: the budget's, and the cleanup's. */
  declare budgetSaid: ActionAnswer | undefined;
  declare cleanupSaid: ActionAnswer | undefined;

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    this.policy = await appState.storagePolicy();
  }

  override render() {
    const p = this.policy;
    const budgetGb = p?.budgetBytes ? String(p.budgetBytes / GB) : '';
    return html`<section class="card panel" aria-labelledby="policy-title">
      <h2 id="policy-title">Budget and cleanup</h2>
      <label class="row">
        Budget for downloads (GB)
        <input
          type="number"
          min="0"
          step="any"
          inputmode="decimal"
          placeholder="No budget"
          .value=${budgetGb}
          ?disabled=${!p}
          aria-describedby="budget-answer"
          aria-invalid=${this.budgetSaid?.failed ? 'true' : 'false'}
          @change=${(e: Event) => this.#budget(e.target as HTMLInputElement)}
        />
      </label>
      ${actionAnswer('budget-answer', this.budgetSaid)}
      <label class="check">
        <input
          type="checkbox"
          .checked=${p?.removeWatchedFilms ?? false}
          ?disabled=${!p}
          aria-describedby="cleanup-answer"
          @change=${(e: Event) => this.#cleanup({ removeWatchedFilms: (e.target as HTMLInputElement).checked })}
        />
        Remove films once watched to the end
      </label>
      <label class="row">
        Remove albums not played for
        <select
          ?disabled=${!p}
          aria-describedby="cleanup-answer"
          @change=${(e: Event) => this.#cleanup({ unplayedAlbumDays: Number((e.target as HTMLSelectElement).value) })}
        >
          ${UNPLAYED_DAYS_CHOICES.map(
            (days) =>
              html`<option value=${days} ?selected=${days === (p?.unplayedAlbumDays ?? 0)}>
                ${days === 0 ? 'Never' : `${days} days`}
              </option>`,
          )}
        </select>
      </label>
      <p class="muted">Pinned downloads are never removed: pin one on the Downloads page.</p>
      ${actionAnswer('cleanup-answer', this.cleanupSaid)}
    </section>`;
  }

  async #budget(input: HTMLInputElement): Promise<void> {
    // A number field hands over '' for text that is not a number: badInput tells it from empty.
    const gb = input.value.trim() === '' && !input.validity.badInput ? 0 : Number(input.value || NaN);
    if (!Number.isFinite(gb) || gb < 0 || gb > MAX_BUDGET_GB) {
      this.budgetSaid = {
        text: `Not saved: the budget is a number of gigabytes from 0.001 to ${MAX_BUDGET_GB.toLocaleString()}, such as 2 or 0.5; leave it empty for none.`,
        failed: true,
      };
      return;
    }
    const policy = await this.#save({ budgetBytes: Math.round(gb * GB) });
    this.budgetSaid = {
      text: policy.budgetBytes
        ? `Saved. Downloads may take up to ${formatBytes(policy.budgetBytes)}.`
        : 'Saved: no budget (empty or 0). Downloads may use all the room the browser gives.',
      failed: false,
    };
  }

  async #cleanup(change: Partial<StoragePolicy>): Promise<void> {
    const policy = await this.#save(change);
    const what = [
      policy.removeWatchedFilms ? 'films once watched' : '',
      policy.unplayedAlbumDays ? `albums not played for ${policy.unplayedAlbumDays} days` : '',
    ].filter(Boolean);
    this.cleanupSaid = {
      text: `Saved. ${what.length ? `Cleanup removes ${what.join(' and ')}.` : 'Cleanup is off.'}`,
      failed: false,
    };
    await cleanUpDownloads(); // what the new setting removes goes now, and is said
  }

  async #save(change: Partial<StoragePolicy>): Promise<StoragePolicy> {
    const policy = { ...(this.policy ?? (await appState.storagePolicy())), ...change };
    await appState.setStoragePolicy(policy);
    this.policy = policy;
    return policy;
  }
}
customElements.define('storage-policy-settings', StoragePolicySettings);

declare global {
  interface HTMLElementTagNameMap {
    'storage-policy-settings': StoragePolicySettings;
  }
}
