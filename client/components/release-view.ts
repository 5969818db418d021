import { html, nothing, type PropertyValues } from 'lit';
import { AppElement } from './app-element.js';
import type { Release } from '#common/catalog';
import type { ReleaseSummary } from '#common/catalog-page';
import { releaseBytes, releaseDuration, releaseTracks } from '#common/release-facts';
import { PAGES } from '#common/routes';
import { KIND_LABEL, formatBytes, formatDate, formatDuration } from '../format.js';
import { artistIdOf } from '#common/artist-id';
import { artworkSrcset, RELEASE_ARTWORK_SIZES } from '#common/artwork-srcset';
import { loadRelease, releaseCache } from '../state/release-cache.js';
import { downloadOf, downloads, storedCopy } from '../state/downloads-store.js';
import { isCurrentTrack, playOrPauseTrack, playRelease, playback, queue } from '../player/player.js';
import { playabilityStores, whyNotPlayable, whyReleaseNotPlayable } from '../player/playability.js';
import { savePosition, savedPosition } from '../player/resume-positions.js';
import { StoreController } from '../state/store.js';
import { icon } from './icons.js';
import './queue-menu.js';
import './download-controls.js';
import './download-status.js';
import './follow-artist.js';
import { libraryPrefs, toggleFavourite } from '../state/library-prefs.js';
import { backToLibrary, backToLibraryStyles } from './back-to-library.js';
import { releaseViewStyles } from './release-view-styles.js';
import { sharedStyles } from './shared-styles.js';

type ReleaseHeading = Pick<Release, 'kind' | 'title' | 'artist' | 'artwork' | 'releaseDate'>;

/** The page's largest image: fetched at once, in the size the layout shows. */
const artwork = (r: Release | ReleaseSummary) =>
  html`<img
    class="art"
    src=${r.artwork}
    srcset=${artworkSrcset(r)}
    sizes=${RELEASE_ARTWORK_SIZES}
    fetchpriority="high"
    alt="Artwork of ${r.title}"
    width="512"
    height="512"
  />`;

/** Kind, title, artist and date: all a list knew of the release, and the top of its page. */
const heading = (r: ReleaseHeading) =>
  html`<span class="kind">${KIND_LABEL[r.kind]}</span>
    <h1 tabindex="-1">${r.title}</h1>
    <p>
      <a class="artist" href=${PAGES.artist(artistIdOf(r.artist))}><strong>${r.artist}</strong></a> ·
      <time datetime=${r.releaseDate}>${formatDate(r.releaseDate)}</time>
    </p>`;

/** A release's page: details, download controls, and its tracks or its film. */
export class ReleaseView extends AppElement {
  static override properties = { releaseId: { attribute: false }, watching: { state: true } };
  static override styles = [sharedStyles, backToLibraryStyles, releaseViewStyles];

  declare releaseId: string;
  declare watching: boolean;

  constructor() {
    super();
    new StoreController(this, [releaseCache, downloads, queue, playback, libraryPrefs, ...playabilityStores]);
    this.watching = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A new id, or the catalog changed and loaded releases were forgotten: (re)load this one.
    if (changed.has('releaseId') || !releaseCache.value.has(this.releaseId)) void loadRelease(this.releaseId);
  }

  override render() {
    const entry = releaseCache.value.get(this.releaseId);
    if (entry?.status !== 'ready') {
      if (!entry || entry.status === 'loading')
        return html`${backToLibrary}
          <p role="status" class="muted">Loading…</p>`;
      if (entry.status === 'error' && entry.summary) return this.#summaryOnly(entry.summary, entry.message);
      // The way back where the artist's page has it, at the top.
      return entry.status === 'missing'
        ? html`${backToLibrary}
            <h1 tabindex="-1">Not in the catalog</h1>
            <p>There is no release “${this.releaseId}”.</p>`
        : html`${backToLibrary}
            <h1 tabindex="-1">This release could not be opened</h1>
            <p>${entry.message} A release opens offline once it has been seen or downloaded here.</p>
            <p><button @click=${() => void loadRelease(this.releaseId, { fresh: true })}>Try again</button></p>`;
    }
    const { release } = entry;
    const tracks = releaseTracks(release);
    return html`${backToLibrary}
      <div class="top">
        ${artwork(release)}
        <div>
          ${heading(release)}
          <p class="muted">
            ${release.kind === 'album' ? `${tracks.length} tracks · ` : ''}${formatDuration(releaseDuration(release))} ·
            ${formatBytes(releaseBytes(storedCopy(release) ?? release))}
          </p>
          <download-status .record=${downloadOf(release.id)}></download-status>
          <div class="actions">
            ${this.#playButton(release)}
            <download-controls .release=${release} .record=${downloadOf(release.id)}></download-controls>
          </div>
          <follow-artist .artist=${release.artist}></follow-artist>
          ${release.description ? html`<p class="muted">${release.description}</p>` : nothing}
        </div>
      </div>
      ${release.kind === 'album' ? this.#trackList(release) : this.#movie(release)}`;
  }

  #playButton(release: Release) {
    const first = release.parts.find((p) => p.role === 'manifest');
    const why = whyReleaseNotPlayable(release);
    const label = release.kind === 'album' ? 'Play album' : 'Watch';
    const play = () => (release.kind === 'album' ? playRelease(release, 0) : (this.watching = true));
    const resumeAt = release.kind === 'movie' && first ? savedPosition(first.url) : 0;
    return html`<button class="primary" ?disabled=${Boolean(why)} aria-describedby=${why ? 'why-not' : nothing} @click=${play}>
        ${icon('play')} ${label}
      </button>
      ${
        resumeAt > 0 && !why && first
          ? html`<button @click=${() => this.#startOver(first.url)}>Start over</button>
              <p class="why-not muted">Continues from ${formatDuration(resumeAt)}</p>`
          : nothing
      }
      ${release.kind === 'album' ? html`<queue-menu .release=${release} label=${release.title}></queue-menu>` : nothing}
      ${why ? html`<p id="why-not" class="why-not muted">${why}</p>` : nothing}`;
  }

  /** Offline, a release seen in a list but never opened or downloaded: what is known, and why not more. */
  #summaryOnly(summary: ReleaseSummary, message: string) {
    return html`${backToLibrary}
      <div class="top">
        ${artwork(summary)}
        <div>
          ${heading(summary)}
          <p role="status">
            ${message} It is not downloaded, so it cannot play offline; its
            ${summary.kind === 'movie' ? 'details show' : 'tracks show'} when the server can be reached.
          </p>
          <button @click=${() => void loadRelease(this.releaseId, { fresh: true })}>Try again</button>
        </div>
      </div>`;
  }

  #trackList(release: Release) {
    return html`<h2>Tracks</h2>
      <ol>
        ${releaseTracks(release).map((track, index) => {
          const title = track.title ?? release.title;
          const isCurrent = isCurrentTrack(release.id, track.url);
          const isPlaying = isCurrent && playback.value.playing;
          const why = whyNotPlayable(track.url);
          const favourite = libraryPrefs.value.favourites.has(track.url);
          return html`<li aria-current=${String(isCurrent)} class=${why ? 'unplayable' : ''}>
            <span class="num">${index + 1}</span>
            <button
              class="play"
              aria-label="${isPlaying ? 'Pause' : 'Play'} ${title}${why ? `. ${why}` : ''}"
              ?disabled=${Boolean(why)}
              @click=${() => playOrPauseTrack(release, index)}
            >
              ${icon(isPlaying ? 'pause' : 'play', 20)}
              <span class="title">
                <span>${title}</span>
                ${why ? html`<span class="small">Not downloaded</span>` : nothing}
              </span>
            </button>
            <span class="end">
              <span class="muted">${formatDuration(track.duration ?? 0)}</span>
              <button
                class="icon"
                aria-pressed=${String(favourite)}
                aria-label="Favourite ${title}"
                @click=${() =>
                  toggleFavourite({
                    url: track.url,
                    title,
                    releaseId: release.id,
                    releaseTitle: release.title,
                    artist: release.artist,
                  })}
              >
                ${icon(favourite ? 'starFilled' : 'star')}
              </button>
              <queue-menu .release=${release} .index=${index} label=${title}></queue-menu>
            </span>
          </li>`;
        })}
      </ol>`;
  }

  #movie(release: Release) {
    if (!this.watching) return nothing;
    void import('./movie-player.js');
    return html`<movie-player .release=${release} @close=${this.#stopWatching}></movie-player>`;
  }

  /** Watch from 0:00, forgetting where the film was left. */
  #startOver(manifestUrl: string): void {
    savePosition(manifestUrl, 0, 0);
    this.watching = true;
  }

  /** Back from the film: focus returns to the Watch button it was opened from. */
  async #stopWatching(): Promise<void> {
    this.watching = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.actions button.primary')?.focus();
  }
}
customElements.define('release-view', ReleaseView);

declare global {
  interface HTMLElementTagNameMap {
    'release-view': ReleaseView;
  }
}
