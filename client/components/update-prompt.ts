import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { isActive } from '#common/download-ledger';
import { downloads } from '../state/downloads-store.js';
import { playback } from '../player/player.js';
import { StoreController } from '../state/store.js';
import { applyUpdate, updateWaiting } from '../sw-bridge.js';
import { sharedStyles } from './shared-styles.js';

/** "Update available — reload", held back while something plays or downloads. */
export class UpdatePrompt extends AppElement {
  static override styles = [
    sharedStyles,
    css`
      div {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
        align-items: center;
        justify-content: center;
        padding: 0.5em 1em;
        background: var(--surface-2);
        border-bottom: 1px solid var(--border);
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [updateWaiting, playback, downloads]);
  }

  override render() {
    if (!updateWaiting.value) return nothing;
    const playing = playback.value.playing || playback.value.moviePlaying;
    // Background Fetch downloads too: in Chromium 156 a Background Fetch can stop receiving bytes
    // for good when a new worker version activates mid-download (not every time; the
    // update-mid-download e2e met it). The stall watchdog would turn that into "failed, Retry";
    // waiting for the download avoids it.
    const downloading = [...downloads.value.values()].some(isActive);
    const busy = playing || downloading;
    return html`<div role="region" aria-label="App update">
      <span>A new version of Stowaway is ready.</span>
      <button class="primary" ?disabled=${busy} @click=${applyUpdate}>Reload to update</button>
      ${
        busy
          ? html`<span class="muted"
              >${playing ? 'Pause playback' : 'Let the download finish'} first: reloading would stop it.</span
            >`
          : nothing
      }
    </div>`;
  }
}
customElements.define('update-prompt', UpdatePrompt);

declare global {
  interface HTMLElementTagNameMap {
    'update-prompt': UpdatePrompt;
  }
}
