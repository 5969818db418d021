import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { detectCapabilities, type Capabilities } from '../capabilities.js';
import { refreshStorageInfo, requestPersistence, storageInfo } from '../state/storage-info.js';
import { StoreController } from '../state/store.js';
import './background-settings.js';
import './storage-policy-settings.js';
import './download-settings.js';
import './quality-settings.js';
import './offline-mode-setting.js';
import { actionAnswer, type ActionAnswer } from './action-answer.js';
import { sharedStyles } from './shared-styles.js';

/** Settings, and what this browser can and cannot do in the background. */
export class SettingsView extends AppElement {
  static override properties = { keepAnswer: { state: true }, keeping: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: minmax(0, 16em) minmax(0, 1fr);
        gap: 0.4em 1em;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      /* On a phone each answer goes under its question: side by side, they overflowed at 320-390 px. */
      @media (max-width: 40em) {
        dl {
          grid-template-columns: minmax(0, 1fr);
          gap: 0.15em;
        }
        dd + dt {
          margin-top: 0.6em;
        }
      }
    `,
  ];

  /** What "Keep my downloads" last got from the browser, said beside the button. */
  declare keepAnswer: ActionAnswer | undefined;
  declare keeping: boolean;

  constructor() {
    super();
    new StoreController(this, [storageInfo]);
    this.keepAnswer = undefined;
    this.keeping = false;
    // A permission given or refused in a card below changes what the table says works.
    this.addEventListener('capabilities-changed', () => this.requestUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void refreshStorageInfo();
  }

  override render() {
    const caps = detectCapabilities();
    const { persisted } = storageInfo.value;
    const yes = (ok: boolean, why: string) => (ok ? 'Yes' : `No — ${why}`);
    return html`<h1 tabindex="-1">Settings</h1>
      <offline-mode-setting></offline-mode-setting>
      <background-settings></background-settings>
      <download-settings></download-settings>
      <quality-settings></quality-settings>
      <section class="card panel" aria-labelledby="storage-title">
        <h2 id="storage-title">Storage</h2>
        <p>
          ${
            persisted === true
              ? 'Your downloads are kept even when the device runs low on space.'
              : persisted === false
                ? 'The browser may clear downloads when the device runs low on space.'
                : 'This browser does not say whether downloads are kept when space runs low.'
          }
        </p>
        ${
          (persisted === false || this.keepAnswer) && caps.persistentStorage
            ? html`${
                persisted === false
                  ? html`<button ?disabled=${this.keeping} aria-describedby="keep-answer" @click=${this.#keep}>
                      Keep my downloads
                    </button>`
                  : nothing
              }
              ${actionAnswer('keep-answer', this.keepAnswer)}`
            : nothing
        }
      </section>
      <storage-policy-settings></storage-policy-settings>
      <section class="card panel" aria-labelledby="browser-title">
        <h2 id="browser-title">What this browser can do</h2>
        <dl>
          <dt>Downloads that continue with the app closed</dt>
          <dd data-feature="background-fetch">
            ${yes(caps.backgroundFetch, 'downloads run while Stowaway is open, and resume where they stopped')}
          </dd>
          <dt>Catalog refresh in the background</dt>
          <dd data-feature="periodic-sync">${periodicSyncAnswer(caps)}</dd>
          <dt>Offline actions sent later</dt>
          <dd data-feature="background-sync">${yes(caps.backgroundSync, 'they are sent the next time the app opens online')}</dd>
          <dt>New-release notifications</dt>
          <dd data-feature="push">${notificationsAnswer(caps)}</dd>
        </dl>
      </section>`;
  }

  async #keep(): Promise<void> {
    this.keeping = true;
    const granted = await requestPersistence();
    this.keeping = false;
    this.keepAnswer = granted
      ? { text: 'Done: the browser will keep your downloads.', failed: false }
      : {
          text: 'The browser said no: it keeps downloads only for sites people install or use often. Install Stowaway, or try again later.',
          failed: true,
        };
  }
}

/**
 * Chromium refreshes in the background only for an installed app: said here too, or the table's
 * plain Yes contradicted the switch above it, which a tab in the browser is refused.
 */
function periodicSyncAnswer(caps: Capabilities): string {
  if (!caps.periodicSync) return 'No — the catalog refreshes each time you open the app';
  if (matchMedia('(display-mode: standalone)').matches) return 'Yes';
  return 'Yes, for the installed app — in a browser tab the catalog refreshes each time you open it';
}

/** Whether alerts can work here: the API, and a permission the person has not refused. */
function notificationsAnswer(caps: Capabilities): string {
  if (!caps.push || !caps.notifications) return 'No — this browser has no Web Push';
  if (Notification.permission === 'denied')
    return 'No — notifications are blocked for this site (allow them in the site settings)';
  return 'Yes';
}
customElements.define('settings-view', SettingsView);

declare global {
  interface HTMLElementTagNameMap {
    'settings-view': SettingsView;
  }
}
