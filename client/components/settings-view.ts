import { LitElement, css, html } from 'lit';
import { detectCapabilities } from '../capabilities.js';
import { refreshStorageInfo, requestPersistence, storageInfo } from '../state/storage-info.js';
import { StoreController } from '../state/store.js';
import './background-settings.js';
import './download-settings.js';
import './offline-mode-setting.js';
import { sharedStyles } from './shared-styles.js';

/** Settings, and what this browser can and cannot do in the background. */
export class SettingsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.4em 1em;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [storageInfo]);
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
          persisted === false && caps.persistentStorage
            ? html`<button @click=${() => void requestPersistence()}>Keep my downloads</button>`
            : ''
        }
      </section>
      <section class="card panel" aria-labelledby="browser-title">
        <h2 id="browser-title">What this browser can do</h2>
        <dl>
          <dt>Downloads that continue with the app closed</dt>
          <dd data-feature="background-fetch">
            ${yes(caps.backgroundFetch, 'downloads run while Stowaway is open, and resume where they stopped')}
          </dd>
          <dt>Catalog refresh in the background</dt>
          <dd data-feature="periodic-sync">${yes(caps.periodicSync, 'the catalog refreshes each time you open the app')}</dd>
          <dt>Offline actions sent later</dt>
          <dd data-feature="background-sync">${yes(caps.backgroundSync, 'they are sent the next time the app opens online')}</dd>
          <dt>New-release notifications</dt>
          <dd data-feature="push">${yes(caps.push && caps.notifications, 'this browser has no Web Push')}</dd>
        </dl>
      </section>`;
  }
}
customElements.define('settings-view', SettingsView);

declare global {
  interface HTMLElementTagNameMap {
    'settings-view': SettingsView;
  }
}
