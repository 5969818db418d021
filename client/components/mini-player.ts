import { css, html, nothing, type PropertyValues } from 'lit';
import { AppElement } from './app-element.js';
import { PAGES } from '#common/routes';
import { currentTrack } from '../player/play-queue.js';
import { playback, queue } from '../player/player.js';
import { route } from '../router.js';
import { StoreController } from '../state/store.js';
import './seek-bar.js';
import { sharedStyles } from './shared-styles.js';
import './transport-controls.js';
import { thumbnail } from './thumbnail.js';

/** The audio player at the bottom of every page; tapping it opens Now Playing. */
export class MiniPlayer extends AppElement {
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
        grid-template-columns: 1fr auto;
        grid-template-areas: 'open buttons' 'seek seek';
        gap: 0.25em 0.75em;
        align-items: center;
        /* The app's tab bar, when it sits below, takes the safe area itself (--below-inset: 0px). */
        padding: 0.5em 1em calc(0.5em + var(--below-inset, env(safe-area-inset-bottom)));
        background: var(--surface);
        border-top: 1px solid var(--border);
        box-shadow: 0 -2px 8px rgb(0 0 0 / 12%);
      }
      a.open {
        grid-area: open;
        display: grid;
        grid-template-columns: 48px 1fr;
        gap: 0.75em;
        align-items: center;
        min-width: 0;
        min-height: 48px;
        text-decoration: none;
        border-radius: 8px;
      }
      img {
        width: 48px;
        height: 48px;
        border-radius: 6px;
        object-fit: cover;
        background: var(--surface-2);
      }
      .text {
        min-width: 0;
      }
      .text span {
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      transport-controls {
        grid-area: buttons;
      }
      seek-bar {
        grid-area: seek;
      }
      .error {
        grid-column: 1 / -1;
        margin: 0;
        color: var(--danger);
        font-size: 0.85em;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [playback, queue, route]);
  }

  /** Whether it shows: the app shell floats its notices above it then (stowaway-app.ts). */
  #shows(): boolean {
    return !!currentTrack(queue.value) && route.value.name !== 'now-playing';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.toggleAttribute('showing', this.#shows());
  }

  override render() {
    const track = currentTrack(queue.value);
    // Now Playing shows all of this and more.
    if (!track || route.value.name === 'now-playing') return nothing;
    const { error } = playback.value;
    return html`<section aria-label="Audio player">
      <a class="open" href=${PAGES.nowPlaying}>
        ${thumbnail(track, 48)}
        <span class="text">
          <span
            ><span class="visually-hidden">Now playing: </span><strong>${track.title}</strong
            ><span class="visually-hidden">,</span></span
          >
          <span class="muted">${track.artist}</span>
        </span>
      </a>
      <transport-controls></transport-controls>
      <seek-bar></seek-bar>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </section>`;
  }
}
customElements.define('mini-player', MiniPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'mini-player': MiniPlayer;
  }
}
