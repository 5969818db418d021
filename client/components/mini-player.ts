import { LitElement, css, html, nothing } from 'lit';
import { PAGES } from '#common/routes';
import { formatDuration } from '../format.js';
import { player, seekTo, skip, togglePlay } from '../state/player.js';
import { StoreController } from '../state/store.js';
import { sharedStyles } from './shared-styles.js';

/** The persistent audio player at the bottom of every page. */
export class MiniPlayer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: sticky;
        bottom: 0;
        z-index: 10;
      }
      section {
        display: grid;
        grid-template-columns: 56px 1fr auto;
        grid-template-areas: 'art text buttons' 'seek seek seek';
        gap: 0.25em 0.75em;
        align-items: center;
        padding: 0.5em 1em calc(0.5em + env(safe-area-inset-bottom));
        background: var(--surface);
        border-top: 1px solid var(--border);
        box-shadow: 0 -2px 8px rgb(0 0 0 / 12%);
      }
      img {
        grid-area: art;
        width: 56px;
        height: 56px;
        border-radius: 6px;
        object-fit: cover;
      }
      .text {
        grid-area: text;
        min-width: 0;
      }
      .text a,
      .text span {
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .buttons {
        grid-area: buttons;
        display: flex;
        gap: 0.25em;
      }
      .seek {
        grid-area: seek;
        display: flex;
        gap: 0.5em;
        align-items: center;
        font-size: 0.8em;
        font-variant-numeric: tabular-nums;
      }
      input[type='range'] {
        flex: 1;
        accent-color: var(--accent);
        min-height: 32px;
      }
      .error {
        color: var(--danger);
        font-size: 0.85em;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [player]);
  }

  override render() {
    const { release, trackIndex, playing, position, duration, error } = player.value;
    if (!release) return nothing;
    const track = release.parts.filter((p) => p.role === 'track')[trackIndex];
    return html`<section aria-label="Audio player">
      <img src=${release.artwork} alt="" width="56" height="56" />
      <div class="text">
        <a href=${PAGES.release(release.id)}><strong>${track?.title ?? release.title}</strong></a>
        <span class="muted">${release.artist}</span>
        ${error ? html`<span class="error" role="alert">${error}</span>` : nothing}
      </div>
      <div class="buttons">
        <button class="icon" aria-label="Previous track" @click=${() => skip(-1)}>⏮</button>
        <button class="icon primary" aria-label=${playing ? 'Pause' : 'Play'} @click=${togglePlay}>${playing ? '⏸' : '▶'}</button>
        <button class="icon" aria-label="Next track" @click=${() => skip(1)}>⏭</button>
      </div>
      <div class="seek">
        <span>${formatDuration(position)}</span>
        <input
          type="range"
          min="0"
          max=${Math.max(1, Math.floor(duration))}
          step="1"
          .value=${String(Math.floor(position))}
          aria-label="Seek"
          aria-valuetext="${formatDuration(position)} of ${formatDuration(duration)}"
          @change=${(e: Event) => seekTo(Number((e.target as HTMLInputElement).value))}
        />
        <span>${formatDuration(duration)}</span>
      </div>
    </section>`;
  }
}
customElements.define('mini-player', MiniPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'mini-player': MiniPlayer;
  }
}
