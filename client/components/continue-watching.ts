import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { PAGES } from '#common/routes';
import { formatTimeLeft } from '../format.js';
import { playabilityStores, whyNotPlayable } from '../player/playability.js';
import { recentlyPlayed, type PlayedRelease } from '../player/recently-played.js';
import { savedPosition } from '../player/resume-positions.js';
import { StoreController } from '../state/store.js';
import { sharedStyles } from './shared-styles.js';
import { thumbnail } from './thumbnail.js';

/** Films started and not finished, newest first, each with how much is left. */
export class ContinueWatching extends AppElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0 0 1.5em;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
        gap: 0.75em;
      }
      a {
        display: grid;
        grid-template-columns: 72px 1fr;
        gap: 0.75em;
        align-items: center;
        padding: 0.5em;
        text-decoration: none;
      }
      a.unavailable img {
        opacity: 0.45;
        filter: grayscale(0.6);
      }
      img {
        width: 72px;
        height: 72px;
        object-fit: cover;
        border-radius: 8px;
      }
      h3 {
        font-size: 1em;
        margin: 0 0 0.25em;
      }
      progress {
        width: 100%;
        height: 6px;
        accent-color: var(--accent);
      }
      .left {
        font-size: 0.85em;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [recentlyPlayed, ...playabilityStores]);
  }

  override render() {
    // Films played on this device that kept a position (a film watched to the end forgets it).
    const films = recentlyPlayed.value.flatMap((film) => {
      const at = film.kind === 'movie' && film.duration > 0 ? savedPosition(film.playUrl) : 0;
      return at > 0 ? [{ film, at }] : [];
    });
    if (films.length === 0) return nothing;
    return html`<h2>Continue watching</h2>
      <ul>
        ${films.map(({ film, at }) => this.#item(film, at))}
      </ul>`;
  }

  #item(film: PlayedRelease, at: number) {
    const why = whyNotPlayable(film.playUrl);
    return html`<li>
      <a class="card ${why ? 'unavailable' : ''}" href=${PAGES.release(film.id)}>
        ${thumbnail(film, 72)}
        <span>
          <h3>${film.title}</h3>
          <progress max=${film.duration} .value=${at} aria-hidden="true"></progress>
          <span class="left muted">${why ?? `${formatTimeLeft(film.duration - at)} left`}</span>
        </span>
      </a>
    </li>`;
  }
}
customElements.define('continue-watching', ContinueWatching);

declare global {
  interface HTMLElementTagNameMap {
    'continue-watching': ContinueWatching;
  }
}
