import { css, html, nothing, type PropertyValues } from 'lit';
import { AppElement } from './app-element.js';
import type { ArtistDetail, ReleaseSummary } from '#common/catalog-page';
import { CATALOG_SOURCE_HEADER } from '#common/cache-names';
import { API } from '#common/routes';
import { pageTitle } from '../page-title.js';
import { reportServerReachable } from '../state/connectivity.js';
import { libraryUrl } from '../state/library-list.js';
import { backToLibrary, backToLibraryStyles } from './back-to-library.js';
import './follow-artist.js';
import './release-grid.js';
import { sharedStyles } from './shared-styles.js';

type Loaded =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly name: string;
      readonly count: number;
      readonly releases: readonly ReleaseSummary[];
      readonly next: string | null;
    }
  | { readonly status: 'missing' | 'error'; readonly message: string };

/** An artist's page (`/artists/<id>`): their name, Follow, and every release of theirs, newest first. */
export class ArtistView extends AppElement {
  static override properties = { artistId: { attribute: false }, loaded: { state: true } };
  static override styles = [
    sharedStyles,
    backToLibraryStyles,
    css`
      h1 {
        margin-bottom: 0.1em;
      }
    `,
  ];

  declare artistId: string;
  declare loaded: Loaded;
  #loadingMore = false;

  constructor() {
    super();
    this.loaded = { status: 'loading' };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('artistId')) void this.#load(this.artistId);
  }

  protected override updated(): void {
    // The shell names the page from the route; only this view knows the artist's name.
    const { loaded } = this;
    const name = loaded.status === 'ready' ? loaded.name : loaded.status === 'missing' ? 'No such artist' : undefined;
    if (name) document.title = pageTitle({ name: 'artist', id: this.artistId }, name);
  }

  override render() {
    const loaded = this.loaded;
    if (loaded.status === 'loading')
      return html`${backToLibrary}
        <p role="status" class="muted">Loading…</p>`;
    if (loaded.status !== 'ready') {
      return html`${backToLibrary}
        <h1 tabindex="-1">${loaded.status === 'missing' ? 'No such artist' : 'This artist could not be opened'}</h1>
        <p>${loaded.message}</p>`;
    }
    return html`${backToLibrary}
      <h1 tabindex="-1">${loaded.name}</h1>
      <p class="muted">${loaded.count === 1 ? '1 release' : `${loaded.count} releases`}</p>
      <follow-artist .artist=${loaded.name}></follow-artist>
      <h2 class="visually-hidden">Releases</h2>
      ${
        loaded.releases.length
          ? html`<release-grid
              .releases=${loaded.releases}
              ?hasMore=${loaded.next !== null}
              label="Releases by ${loaded.name}"
              @load-more=${() => void this.#loadMore()}
            ></release-grid>`
          : nothing
      }`;
  }

  async #load(id: string): Promise<void> {
    this.loaded = { status: 'loading' };
    const answer = await getJson<ArtistDetail>(API.artist(id));
    if (id !== this.artistId) return;
    if ('status' in answer) {
      this.loaded =
        answer.status === 404
          ? { status: 'missing', message: `There is no artist “${id}”.` }
          : { status: 'error', message: `${answer.message} An artist opens offline once their releases have been seen here.` };
      return;
    }
    const { artist, releases } = answer;
    this.loaded = {
      status: 'ready',
      name: artist.name,
      count: artist.releases,
      releases: releases.releases,
      next: releases.next,
    };
  }

  async #loadMore(): Promise<void> {
    const loaded = this.loaded;
    if (loaded.status !== 'ready' || !loaded.next || this.#loadingMore) return;
    this.#loadingMore = true;
    const url = `${libraryUrl({ sort: 'added', kind: undefined, q: '' }, loaded.next)}&artist=${encodeURIComponent(this.artistId)}`;
    const page = await getJson<{ releases: ReleaseSummary[]; next: string | null }>(url);
    this.#loadingMore = false;
    if ('status' in page || this.loaded !== loaded) return;
    this.loaded = { ...loaded, releases: [...loaded.releases, ...page.releases], next: page.next };
  }
}

/** A JSON GET through the SW, reporting whether the server answered; the status and a sentence when not. */
async function getJson<T>(url: string): Promise<T | { status: number; message: string }> {
  try {
    const res = await fetch(url);
    reportServerReachable(res.headers.get(CATALOG_SOURCE_HEADER) !== 'cache');
    const body = (await res.json().catch(() => undefined)) as (T & { error?: { message?: string } }) | undefined;
    if (res.ok && body) return body;
    return { status: res.status, message: body?.error?.message ?? `The server answered ${res.status}.` };
  } catch (error) {
    reportServerReachable(false);
    return { status: 0, message: `${(error as Error).message}.` };
  }
}
customElements.define('artist-view', ArtistView);

declare global {
  interface HTMLElementTagNameMap {
    'artist-view': ArtistView;
  }
}
