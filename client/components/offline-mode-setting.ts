import { css, html } from 'lit';
import { PagePart } from './page-part.js';
import { offlineMode, setOfflineMode } from '../state/offline-mode.js';
import { StoreController } from '../state/store.js';
import { sharedStyles } from './shared-styles.js';

/** Settings → Playback: the "Offline mode" switch. */
export class OfflineModeSetting extends PagePart {
  static override styles = [
    sharedStyles,
    css`
      label {
        font-weight: 600;
      }
      p {
        margin: 0.25em 0 0;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [offlineMode]);
  }

  override render() {
    const on = offlineMode.value;
    return html`<section class="card panel" aria-labelledby="playback-title">
      <h2 id="playback-title">Playback</h2>
      <label class="check">
        <input
          type="checkbox"
          role="switch"
          .checked=${on}
          aria-describedby="offline-mode-says"
          @change=${(e: Event) => setOfflineMode((e.target as HTMLInputElement).checked)}
        />
        Offline mode
      </label>
      <p id="offline-mode-says" class="muted" role="status">
        ${
          on
            ? 'On: only your downloads play, and nothing streams, even with a network.'
            : 'Off: everything streams when you are online; offline, your downloads play.'
        }
      </p>
    </section>`;
  }
}
customElements.define('offline-mode-setting', OfflineModeSetting);

declare global {
  interface HTMLElementTagNameMap {
    'offline-mode-setting': OfflineModeSetting;
  }
}
