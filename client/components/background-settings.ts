import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { appState } from '#browser/state/app-state';
import { backgroundRefreshEnabled, disableBackgroundRefresh, enableBackgroundRefresh } from '../background/periodic-refresh.js';
import { disableNotifications, enableNotifications, notificationsEnabled } from '../background/push-notifications.js';
import { detectCapabilities } from '../capabilities.js';
import { formatDateTime } from '../format.js';
import { actionAnswer, type ActionAnswer } from './action-answer.js';
import { sharedStyles } from './shared-styles.js';

/** The switches for new-release alerts and background catalog refresh, offered only where they work. */
export class BackgroundSettings extends LitElement {
  static override properties = {
    alerts: { state: true },
    refresh: { state: true },
    lastRefresh: { state: true },
    alertsAnswer: { state: true },
    refreshAnswer: { state: true },
    alertsBusy: { state: true },
    refreshBusy: { state: true },
    loaded: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`
      label {
        display: flex;
        gap: 0.5em;
        align-items: center;
        min-height: 44px;
      }
      input[type='checkbox'] {
        flex: none;
        width: 24px;
        height: 24px;
        margin: 0;
        accent-color: var(--accent);
      }
    `,
  ];

  declare alerts: boolean;
  declare refresh: boolean;
  declare lastRefresh: number | undefined;
  declare alertsAnswer: ActionAnswer | undefined;
  declare refreshAnswer: ActionAnswer | undefined;
  declare alertsBusy: boolean;
  declare refreshBusy: boolean;
  /** The switches appear once their real state is known, so a click can never be undone by it. */
  declare loaded: boolean;

  constructor() {
    super();
    this.alerts = false;
    this.refresh = false;
    this.lastRefresh = undefined;
    this.alertsAnswer = undefined;
    this.refreshAnswer = undefined;
    this.alertsBusy = false;
    this.refreshBusy = false;
    this.loaded = false;
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    const caps = detectCapabilities();
    this.alerts = caps.push ? await notificationsEnabled().catch(() => false) : false;
    this.refresh = caps.periodicSync ? await backgroundRefreshEnabled().catch(() => false) : false;
    this.lastRefresh = await appState.lastBackgroundRefresh();
    this.loaded = true;
  }

  override render() {
    if (!this.loaded) return html`<p class="muted" role="status">Checking what this browser allows…</p>`;
    const caps = detectCapabilities();
    const last = this.lastRefresh ? formatDateTime(this.lastRefresh) : 'not yet';
    return html`<section class="card panel" aria-labelledby="alerts-title">
        <h2 id="alerts-title">New-release alerts</h2>
        ${
          caps.push && caps.notifications
            ? html`<p>${this.alerts ? 'You get a notification when a new album or movie is out.' : 'Alerts are off.'}</p>
                <button ?disabled=${this.alertsBusy} aria-describedby="alerts-answer" @click=${this.#toggleAlerts}>
                  ${this.alertsBusy ? 'Working…' : this.alerts ? 'Turn off alerts' : 'Notify me about new releases'}
                </button>
                ${actionAnswer('alerts-answer', this.alertsAnswer)}`
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
            ? html`<label
                  ><input
                    type="checkbox"
                    .checked=${live(this.refresh)}
                    ?disabled=${this.refreshBusy}
                    aria-describedby="refresh-answer"
                    @change=${this.#toggleRefresh}
                  />Refresh the catalog in the background (about once a day)</label
                >
                ${actionAnswer('refresh-answer', this.refreshAnswer)}`
            : nothing
        }
      </section>`;
  }

  async #toggleAlerts(): Promise<void> {
    const on = !this.alerts;
    this.alertsBusy = true;
    this.alertsAnswer = undefined;
    try {
      if (on) await enableNotifications();
      else await disableNotifications();
      this.alerts = on;
      this.alertsAnswer = { text: on ? 'Alerts are on.' : 'Alerts are off.', failed: false };
    } catch (error) {
      this.alertsAnswer = { text: (error as Error).message, failed: true };
    } finally {
      this.alertsBusy = false;
      // The permission may have changed with this click: Settings' table of what works says so.
      this.dispatchEvent(new Event('capabilities-changed', { bubbles: true, composed: true }));
    }
  }

  async #toggleRefresh(event: Event): Promise<void> {
    const on = (event.target as HTMLInputElement).checked;
    this.refreshBusy = true;
    this.refreshAnswer = undefined;
    try {
      if (on) await enableBackgroundRefresh();
      else await disableBackgroundRefresh();
      this.refresh = on;
      this.refreshAnswer = { text: on ? 'Background refresh is on.' : 'Background refresh is off.', failed: false };
    } catch (error) {
      this.refresh = false;
      this.refreshAnswer = { text: (error as Error).message, failed: true };
    } finally {
      this.refreshBusy = false;
    }
  }
}
customElements.define('background-settings', BackgroundSettings);

declare global {
  interface HTMLElementTagNameMap {
    'background-settings': BackgroundSettings;
  }
}
