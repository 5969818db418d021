import { LitElement, css, html } from 'lit';
import { appState } from '#browser/state/app-state';
import type { StoragePolicy } from '#browser/downloads/storage-policy';
import { cleanUpDownloads } from '../downloads/storage-cleanup.js';
import { formatBytes } from '../format.js';
import { actionAnswer, type ActionAnswer } from './action-answer.js';
import { sharedStyles } from './shared-styles.js';

const GB = 1_000_000_000;
const UNPLAYED_DAYS_CHOICES = [0, 7, 30, 90] as const;

/**
 * Settings › Budget and cleanup: a budget for the downloads (a download that would go over it asks what to
 * remove) and the cleanup (films once watched, albums not played for a while; pinned ones never).
 */
export class StoragePolicySettings extends LitElement {
  static override properties = { policy: { state: true }, said: { state: true } };
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
    `,
  ];

  declare policy: StoragePolicy | undefined;
  declare said: ActionAnswer | undefined;

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
          aria-describedby="policy-answer"
          @change=${(e: Event) => this.#budget((e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          .checked=${p?.removeWatchedFilms ?? false}
          ?disabled=${!p}
          @change=${(e: Event) => this.#save({ removeWatchedFilms: (e.target as HTMLInputElement).checked })}
        />
        Remove films once watched to the end
      </label>
      <label class="row">
        Remove albums not played for
        <select
          ?disabled=${!p}
          @change=${(e: Event) => this.#save({ unplayedAlbumDays: Number((e.target as HTMLSelectElement).value) })}
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
      ${actionAnswer('policy-answer', this.said)}
    </section>`;
  }

  async #budget(value: string): Promise<void> {
    const gb = value.trim() === '' ? 0 : Number(value);
    if (!Number.isFinite(gb) || gb < 0) {
      this.said = { text: 'The budget is a number of gigabytes, such as 2 or 0.5; leave it empty for none.', failed: true };
      return;
    }
    await this.#save({ budgetBytes: Math.round(gb * GB) });
  }

  async #save(change: Partial<StoragePolicy>): Promise<void> {
    const policy = { ...(this.policy ?? (await appState.storagePolicy())), ...change };
    await appState.setStoragePolicy(policy);
    this.policy = policy;
    this.said = {
      text: `Saved. ${policy.budgetBytes ? `Downloads may take up to ${formatBytes(policy.budgetBytes)}.` : 'No budget: downloads may use all the room the browser gives.'}`,
      failed: false,
    };
    await cleanUpDownloads(); // what the new cleanup setting removes goes now, and is said
  }
}
customElements.define('storage-policy-settings', StoragePolicySettings);

declare global {
  interface HTMLElementTagNameMap {
    'storage-policy-settings': StoragePolicySettings;
  }
}
