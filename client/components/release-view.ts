import { LitElement, css, html, nothing } from 'lit';
import type { Release } from '#common/catalog';
import { releaseBytes, releaseDuration } from '#common/release-facts';
import { PAGES } from '#common/routes';
import { formatBytes, formatDuration } from '../format.js';
import { catalog, findRelease } from '../state/catalog-store.js';
import { downloadOf, downloads } from '../state/downloads-store.js';
import { player, playTrack } from '../state/player.js';
import { StoreController } from '../state/store.js';
import './download-controls.js';
import './download-status.js';
import './follow-artist.js';
import { libraryPrefs, toggleFavourite } from '../state/library-prefs.js';
import { sharedStyles } from './shared-styles.js';

/** A release's page: details, download controls, and its tracks or its film. */
export class ReleaseView extends LitElement {
  static override properties = { releaseId: { attribute: false }, watching: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      .top {
        display: grid;
        grid-template-columns: minmax(140px, 280px) 1fr;
        gap: 1.5em;
        align-items: start;
      }
      @media (max-width: 600px) {
        .top {
          grid-template-columns: 1fr;
        }
      }
      img.art {
        width: 100%;
        aspect-ratio: 1;
        height: auto;
        object-fit: cover;
        border-radius: var(--radius);
        background: var(--surface-2);
      }
      .kind {
        text-transform: uppercase;
        letter-spacing: 0.05em;
        font-size: 0.8em;
        font-weight: 700;
        color: var(--accent);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin: 1em 0;
      }
      ol {
        padding: 0;
        margin: 1.5em 0 0;
        list-style: none;
      }
      li {
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: 0.75em;
        align-items: center;
        padding: 0.4em 0.5em;
        border-bottom: 1px solid var(--border);
      }
      li[aria-current='true'] {
        background: var(--surface-2);
        border-radius: 8px;
      }
      .num {
        width: 2em;
        text-align: right;
      }
    `,
  ];

  declare releaseId: string;
  declare watching: boolean;

  constructor() {
    super();
    new StoreController(this, [catalog, downloads, player, libraryPrefs]);
    this.watching = false;
  }

  override render() {
    const release = findRelease(this.releaseId);
    if (!release) {
      return catalog.value.status === 'loading'
        ? html`<p role="status" class="muted">Loading…</p>`
        : html`<h1 tabindex="-1">Not in the catalog</h1>
            <p>There is no release “${this.releaseId}”. <a href=${PAGES.catalog}>Back to the library</a></p>`;
    }
    const tracks = release.parts.filter((p) => p.role === 'track');
    return html`<p><a href=${PAGES.catalog}>← Library</a></p>
      <div class="top">
        <img class="art" src=${release.artwork} alt="Artwork of ${release.title}" width="512" height="512" />
        <div>
          <span class="kind">${release.kind}</span>
          <h1 tabindex="-1">${release.title}</h1>
          <p><strong>${release.artist}</strong> · <time datetime=${release.releaseDate}>${release.releaseDate}</time></p>
          ${release.description ? html`<p class="muted">${release.description}</p>` : nothing}
          <p class="muted">
            ${release.kind === 'album' ? `${tracks.length} tracks · ` : ''}${formatDuration(releaseDuration(release))} ·
            ${formatBytes(releaseBytes(release))}
          </p>
          <follow-artist .artist=${release.artist}></follow-artist>
          <download-status .record=${downloadOf(release.id)}></download-status>
          <div class="actions">
            ${this.#playButton(release)}
            <download-controls .release=${release} .record=${downloadOf(release.id)}></download-controls>
          </div>
        </div>
      </div>
      ${release.kind === 'album' ? this.#trackList(release) : this.#movie(release)}`;
  }

  #playButton(release: Release) {
    const label = release.kind === 'album' ? 'Play album' : 'Watch';
    const play = () => (release.kind === 'album' ? playTrack(release, 0) : (this.watching = true));
    return html`<button class="primary" @click=${play}>▶ ${label}</button>`;
  }

  #trackList(release: Release) {
    const current = player.value.release?.id === release.id ? player.value.trackIndex : -1;
    return html`<h2>Tracks</h2>
      <ol>
        ${release.parts
          .filter((p) => p.role === 'track')
          .map(
            (track, index) =>
              html`<li aria-current=${String(index === current)}>
                <span class="num muted">${index + 1}</span>
                <span>${track.title}</span>
                <span>
                  <span class="muted">${formatDuration(track.duration ?? 0)}</span>
                  <button
                    class="icon"
                    aria-pressed=${String(libraryPrefs.value.favourites.has(track.url))}
                    aria-label="Favourite ${track.title}"
                    @click=${() => toggleFavourite(track.url)}
                  >
                    ${libraryPrefs.value.favourites.has(track.url) ? '★' : '☆'}
                  </button>
                  <button class="icon" aria-label="Play ${track.title}" @click=${() => playTrack(release, index)}>▶</button>
                </span>
              </li>`,
          )}
      </ol>`;
  }

  #movie(release: Release) {
    if (!this.watching) return nothing;
    void import('./movie-player.js');
    return html`<movie-player .release=${release} @close=${() => (this.watching = false)}></movie-player>`;
  }
}
customElements.define('release-view', ReleaseView);

declare global {
  interface HTMLElementTagNameMap {
    'release-view': ReleaseView;
  }
}
