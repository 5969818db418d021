import { css, html, nothing, type TemplateResult } from 'lit';
import { AppElement } from './app-element.js';
import { artistIdOf } from '#common/artist-id';
import { PAGES } from '#common/routes';
import type { FavouriteTrack } from '#browser/state/app-state';
import { recentlyPlayed, type PlayedRelease } from '../player/recently-played.js';
import { libraryPrefs } from '../state/library-prefs.js';
import { StoreController } from '../state/store.js';
import './continue-watching.js';
import { sharedStyles } from './shared-styles.js';
import { thumbnail } from './thumbnail.js';

const RECENT_SHOWN = 12;
const FAVOURITES_SHOWN = 10;

/**
 * "Your library": what this device already knows the person likes — films to continue, releases
 * played lately, artists followed and favourite tracks — from the records the app keeps, so it
 * shows at once and offline. Each part appears only when it has something in it.
 */
export class YourLibrary extends AppElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.15em;
        margin: 0 0 0.5em;
      }
      section {
        margin-bottom: 1.5em;
      }
      ul.row {
        list-style: none;
        margin: 0;
        padding: 0 0 0.5em;
        display: grid;
        grid-auto-flow: column;
        grid-auto-columns: 112px;
        gap: 0.75em;
        overflow-x: auto;
        overscroll-behavior-x: contain;
      }
      ul.row a {
        display: block;
        text-decoration: none;
        font-size: 0.9em;
      }
      ul.row img {
        display: block;
        width: 112px;
        height: 112px;
        object-fit: cover;
        border-radius: var(--radius);
        background: var(--surface-2);
      }
      .line {
        display: block;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      ul.chips {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      ul.tracks {
        margin: 0;
        padding-left: 1.25em;
      }
      ul.tracks li {
        padding: 0.35em 0;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [recentlyPlayed, libraryPrefs]);
  }

  override render() {
    const recent = recentlyPlayed.value.slice(0, RECENT_SHOWN);
    const artists = Object.keys(libraryPrefs.value.follows).sort((a, b) => a.localeCompare(b));
    const favourites = libraryPrefs.value.favouriteTracks.slice(0, FAVOURITES_SHOWN);
    const recentItem = (r: PlayedRelease) =>
      html`<a href=${PAGES.release(r.id)}>
        ${thumbnail(r, 112, 'lazy')}
        <span class="line">${r.title}</span>
        <span class="line muted">${r.artist}</span>
      </a>`;
    const artistItem = (name: string) => html`<a class="button" href=${PAGES.artist(artistIdOf(name))}>${name}</a>`;
    const trackItem = (t: FavouriteTrack) =>
      html`<a href=${PAGES.release(t.releaseId)}>${t.title}</a> <span class="muted">— ${t.artist} · ${t.releaseTitle}</span>`;
    return html`<continue-watching></continue-watching> ${part('Recently played', 'row', recent.map(recentItem))}
      ${part('Artists you follow', 'chips', artists.map(artistItem))}
      ${part('Favourite tracks', 'tracks', favourites.map(trackItem))}`;
  }
}

/** One part of "Your library", named by its heading; nothing when it has nothing in it. */
const part = (title: string, listClass: string, items: readonly TemplateResult[]) =>
  items.length === 0
    ? nothing
    : html`<section aria-label=${title}>
        <h2>${title}</h2>
        <ul class=${listClass}>
          ${items.map((item) => html`<li>${item}</li>`)}
        </ul>
      </section>`;
customElements.define('your-library', YourLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'your-library': YourLibrary;
  }
}
