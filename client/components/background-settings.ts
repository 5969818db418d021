import { html, nothing } from 'lit';
import { PagePart } from './page-part.js';
import { live } from 'lit/directives/live.js';
import {
  backgroundRefreshEnabled,
  disableBackgroundRefresh,
  enableBackgroundRefresh,
  lastBackgroundRefresh,
  loadLastBackgroundRefresh,
} from '../background/periodic-refresh.js';
import { disableNotifications, enableNotifications, notificationsEnabled } from '../background/push-notifications.js';
import { detectCapabilities } from '../capabilities.js';
import { formatDateTime } from '../format.js';
import { actionAnswer, type ActionAnswer } from './action-answer.js';
import { StoreController } from '../state/store.js';
import { sharedStyles } from './shared-styles.js';

type Control = 'alerts' | 'refresh';

/** The switches for new-release alerts and background catalog refresh, offered only where they work. */
export class BackgroundSettings extends PagePart {
  static override properties = {
    alerts: { state: true },
    refresh: { state: true },
    answers: { state: true },
    busy: { state: true },
    loaded: { state: true },
  };
  static override styles = [sharedStyles];

  declare alerts: boolean;
  declare refresh: boolean;
  declare answers: Partial<Record<Control, ActionAnswer>>;
  /** The controls whose action is under way: each shows it, and waits, on its own. */
  declare busy: ReadonlySet<Control>;
  /**
   * Whether the switches' real state is known. Until then they show, disabled, where they will be
   * (a click can never be undone by the state arriving, and nothing below moves when it does: a
   * one-line placeholder that grew into two cards was a 0.24 layout shift on a phone).
   */
  declare loaded: boolean;

  constructor() {
    super();
    this.alerts = false;
    this.refresh = false;
    new StoreController(this, [lastBackgroundRefresh]);
    this.answers = {};
    this.busy = new Set();
    this.loaded = false;
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    const caps = detectCapabilities();
    this.alerts = caps.push ? await notificationsEnabled().catch(() => false) : false;
    this.refresh = caps.periodicSync ? await backgroundRefreshEnabled().catch(() => false) : false;
    await loadLastBackgroundRefresh();
    this.loaded = true;
  }

  override render() {
    const caps = detectCapabilities();
    const last = !this.loaded ? '…' : lastBackgroundRefresh.value ? formatDateTime(lastBackgroundRefresh.value) : 'not yet';
    return html`<section class="card panel" aria-labelledby="alerts-title">
        <h2 id="alerts-title">New-release alerts</h2>
        ${
          caps.push && caps.notifications
            ? html`<p>${this.#alertsState()}</p>
                <button
                  ?disabled=${!this.loaded || this.busy.has('alerts')}
                  aria-describedby="alerts-answer"
                  @click=${this.#toggleAlerts}
                >
                  ${this.#alertsButton()}
                </button>
                ${actionAnswer('alerts-answer', this.answers.alerts)}`
            : html`<p class="muted">This browser cannot receive push notifications.</p>`
        }
      </section>
      <section class="card panel" aria-labelledby="refresh-title">
        <h2 id="refresh-title">Catalog refresh</h2>
        <p>
          The catalog refreshes each time you open Stowaway. Last refresh in the background:
          <span data-last-refresh>${last}</span>.
        </p>
        ${
          caps.periodicSync
            ? html`<label class="check"
                  ><input
                    type="checkbox"
                    .checked=${live(this.refresh)}
                    ?disabled=${!this.loaded || this.busy.has('refresh')}
                    aria-describedby="refresh-answer"
                    @change=${this.#toggleRefresh}
                  />Refresh the catalog in the background (about once a day)</label
                >
                ${actionAnswer('refresh-answer', this.answers.refresh)}`
            : nothing
        }
      </section>`;
  }

  /** Blocked is said before any click: pressing the button could not change it. */
  #alertsState(): string {
    if (!this.loaded) return 'Checking whether alerts are on…';
    if (this.alerts) return 'You get a notification when a new album or movie is out.';
    return Notification.permission === 'denied' ? 'Alerts are off: notifications are blocked for this site.' : 'Alerts are off.';
  }

  #alertsButton(): string {
    if (!this.loaded) return 'Checking…';
    if (this.busy.has('alerts')) return 'Working…';
    return this.alerts ? 'Turn off alerts' : 'Notify me about new releases';
  }

  async #toggleAlerts(): Promise<void> {
    const on = !this.alerts;
    await this.#act('alerts', async () => {
      if (on) await enableNotifications();
      else await disableNotifications();
      this.alerts = on;
      return on ? 'Alerts are on.' : 'Alerts are off.';
    });
    // The permission may have changed with this click: Settings' table of what works says so.
    this.dispatchEvent(new Event('capabilities-changed', { bubbles: true, composed: true }));
  }

  async #toggleRefresh(event: Event): Promise<void> {
    const on = (event.target as HTMLInputElement).checked;
    const before = this.refresh;
    // The box keeps the tick the person gave it while that is being done (a render during the
    // wait must not untick it); refused, it goes back: live() in render sets it from this.refresh.
    this.refresh = on;
    await this.#act('refresh', async () => {
      try {
        if (on) await enableBackgroundRefresh();
        else await disableBackgroundRefresh();
      } catch (error) {
        this.refresh = before;
        throw error;
      }
      return on ? 'Background refresh is on.' : 'Background refresh is off.';
    });
  }

  /** Runs one control's action and says beside that control what came of it. */
  async #act(control: Control, action: () => Promise<string>): Promise<void> {
    this.busy = new Set([...this.busy, control]);
    this.answers = { ...this.answers, [control]: undefined };
    let said: ActionAnswer;
    try {
      said = { text: await action(), failed: false };
    } catch (error) {
      said = { text: (error as Error).message, failed: true };
    }
    this.answers = { ...this.answers, [control]: said };
    this.busy = new Set([...this.busy].filter((c) => c !== control));
  }
}

customElements.define('background-settings', BackgroundSettings);

declare global {
  interface HTMLElementTagNameMap {
    'background-settings': BackgroundSettings;
  }
}
