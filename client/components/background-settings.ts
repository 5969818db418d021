import { LitElement, css, html, nothing } from 'lit';
import { appState } from '#browser/state/app-state';
import { backgroundRefreshEnabled, disableBackgroundRefresh, enableBackgroundRefresh } from '../background/periodic-refresh.js';
import { disableNotifications, enableNotifications, notificationsEnabled } from '../background/push-notifications.js';
import { detectCapabilities } from '../capabilities.js';
import { sharedStyles } from './shared-styles.js';

/** The switches for new-release alerts and background catalog refresh, offered only where they work. */
export class BackgroundSettings extends LitElement {
  static override properties = {
    alerts: { state: true },
    refresh: { state: true },
    lastRefresh: { state: true },
    message: { state: true },
    busy: { state: true },
    loaded: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`
      .message {
        color: var(--danger);
      }
    `,
  ];

  declare alerts: boolean;
  declare refresh: boolean;
  declare lastRefresh: number | undefined;
  declare message: string;
  declare busy: boolean;
  /** The switches appear once their real state is known, so a click can never be undone by it. */
  declare loaded: boolean;

  constructor() {
    super();
    this.alerts = false;
    this.refresh = false;
    this.lastRefresh = undefined;
    this.message = '';
    this.busy = false;
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
    const last = this.lastRefresh ? new Date(this.lastRefresh).toLocaleString() : 'not yet';
    return html`<section class="card panel" aria-labelledby="alerts-title">
        <h2 id="alerts-title">New-release alerts</h2>
        ${
          caps.push && caps.notifications
            ? html`<p>${this.alerts ? 'You get a notification when a new album or movie is out.' : 'Alerts are off.'}</p>
                <button ?disabled=${this.busy} @click=${this.#toggleAlerts}>
                  ${this.alerts ? 'Turn off alerts' : 'Notify me about new releases'}
                </button>`
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
                ><input type="checkbox" .checked=${this.refresh} ?disabled=${this.busy} @change=${this.#toggleRefresh} /> Refresh
                the catalog in the background (about once a day)</label
              >`
            : nothing
        }
      </section>
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}`;
  }

  async #toggleAlerts(): Promise<void> {
    await this.#run(async () => {
      if (this.alerts) await disableNotifications();
      else await enableNotifications();
      this.alerts = !this.alerts;
    });
  }

  async #toggleRefresh(event: Event): Promise<void> {
    const on = (event.target as HTMLInputElement).checked;
    await this.#run(async () => {
      if (on) await enableBackgroundRefresh();
      else await disableBackgroundRefresh();
      this.refresh = on;
    });
    (event.target as HTMLInputElement).checked = this.refresh;
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = '';
    try {
      await action();
    } catch (error) {
      this.message = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }
}
customElements.define('background-settings', BackgroundSettings);

declare global {
  interface HTMLElementTagNameMap {
    'background-settings': BackgroundSettings;
  }
}
