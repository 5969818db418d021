import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { PAGES } from '#common/routes';
import { currentTrack } from '../player/play-queue.js';
import { playback, queue } from '../player/player.js';
import { goBack } from '../router.js';
import { StoreController } from '../state/store.js';
import { icon } from './icons.js';
import './queue-list.js';
import './seek-bar.js';
import { sharedStyles } from './shared-styles.js';
import './transport-controls.js';

/** Now Playing (/now-playing): artwork, what is playing, the scrubber, the transport and the queue. */
export class NowPlayingView extends AppElement {
  static override styles = [
    sharedStyles,
    css`
      .player {
        display: grid;
        grid-template-columns: minmax(0, 360px) minmax(0, 1fr);
        gap: 1.5em 2em;
        align-items: start;
      }
      @media (max-width: 720px) {
        .player {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .now {
        display: grid;
        gap: 0.75em;
        max-width: 420px;
        width: 100%;
        margin: 0 auto;
      }
      img {
        width: 100%;
        height: auto;
        aspect-ratio: 1;
        object-fit: cover;
        border-radius: var(--radius);
        background: var(--surface-2);
        box-shadow: var(--shadow);
      }
      @media (max-width: 720px) {
        img {
          width: min(100%, 42vh);
          justify-self: center;
        }
      }
      h1 {
        font-size: 1.4em;
        margin: 0;
      }
      button.close {
        justify-self: start;
        gap: 0.3em;
        margin-bottom: -0.25em;
      }
      .meta p {
        margin: 0.25em 0 0;
      }
      .error {
        color: var(--danger);
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [playback, queue]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey);
  }

  /** Escape closes Now Playing, as it closes the film player; not while a dialog or a field has it. */
  #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !currentTrack(queue.value)) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && target.closest('dialog, input, select, textarea')) return;
    this.#close();
  };

  /** Back where the person was (the mini-player opened this); from a deep link, to the release. */
  #close(): void {
    const track = currentTrack(queue.value);
    goBack(track ? PAGES.release(track.releaseId) : PAGES.catalog);
  }

  override render() {
    const track = currentTrack(queue.value);
    if (!track) {
      return html`<h1 tabindex="-1">Nothing playing</h1>
        <p>Choose an album in the <a href=${PAGES.catalog}>library</a> and press Play.</p>`;
    }
    const { error } = playback.value;
    return html`<div class="player">
      <section class="now" aria-label="Now playing">
        <button class="close" aria-label="Close Now Playing" @click=${() => this.#close()}>${icon('down')} Close</button>
        <img src=${track.artwork} alt="Artwork of ${track.releaseTitle}" width="512" height="512" />
        <div class="meta">
          <h1 tabindex="-1">${track.title}</h1>
          <p><a href=${PAGES.release(track.releaseId)}>${track.releaseTitle}</a> · <span class="muted">${track.artist}</span></p>
        </div>
        <seek-bar remaining></seek-bar>
        <transport-controls modes large></transport-controls>
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      </section>
      <section aria-label="Queue"><queue-list></queue-list></section>
    </div>`;
  }
}
customElements.define('now-playing-view', NowPlayingView);

declare global {
  interface HTMLElementTagNameMap {
    'now-playing-view': NowPlayingView;
  }
}
