import { LitElement, css, html, nothing } from 'lit';
import type { Release } from '#common/catalog';
import { playedParts } from '#common/release-facts';
import { PAGES } from '#common/routes';
import { formatTimeLeft } from '../format.js';
import { playabilityStores, whyReleaseNotPlayable } from '../player/playability.js';
import { savedPositions } from '../player/resume-positions.js';
import { catalog } from '../state/catalog-store.js';
import { StoreController } from '../state/store.js';
import { sharedStyles } from './shared-styles.js';

/** Films started and not finished, newest first, each with how much is left. */
export class ContinueWatching extends LitElement {
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
    new StoreController(this, [catalog, ...playabilityStores]);
  }

  override render() {
    const positions = savedPositions();
    const started = [...positions.keys()].reverse(); // the most recently saved last in the store
    // One pass over the catalog (it can be large), then one lookup per saved position.
    const byManifest = new Map<string, { film: Release; duration: number }>();
    for (const release of catalog.value.releases) {
      if (release.kind !== 'movie') continue;
      const [manifest] = playedParts(release);
      if (manifest && positions.has(manifest.url))
        byManifest.set(manifest.url, { film: release, duration: manifest.duration ?? 0 });
    }
    const films = started.flatMap((url) => {
      const known = byManifest.get(url);
      return known && known.duration > 0 ? [{ ...known, at: positions.get(url) ?? 0 }] : [];
    });
    if (films.length === 0) return nothing;
    return html`<h2>Continue watching</h2>
      <ul>
        ${films.map(({ film, at, duration }) => this.#item(film, at, duration))}
      </ul>`;
  }

  #item(film: Release, at: number, duration: number) {
    return html`<li>
      <a class="card ${whyReleaseNotPlayable(film) ? 'unavailable' : ''}" href=${PAGES.release(film.id)}>
        <img src=${film.artwork} alt="" width="72" height="72" />
        <span>
          <h3>${film.title}</h3>
          <progress max=${duration} .value=${at} aria-hidden="true"></progress>
          <span class="left muted">${whyReleaseNotPlayable(film) ?? `${formatTimeLeft(duration - at)} left`}</span>
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
