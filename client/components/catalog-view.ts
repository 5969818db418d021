import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import type { LibrarySort, ReleaseSummary } from '#common/catalog-page';
import { releaseSummaryOf } from '#common/release-summary';
import { queryStoredReleases } from '#browser/library/query-stored-releases';
import { markReleaseSeen } from '#browser/state/app-badge';
import { downloads } from '../state/downloads-store.js';
import { libraryList, loadMoreReleases, setLibraryQuery, type LibraryQuery } from '../state/library-list.js';
import { StoreController } from '../state/store.js';
import './release-grid.js';
import './your-library.js';
import { sharedStyles } from './shared-styles.js';

type KindFilter = LibraryQuery['kind'];

const KINDS: ReadonlyArray<[KindFilter, string]> = [
  [undefined, 'All'],
  ['album', 'Albums'],
  ['movie', 'Films'],
];
const SORTS: ReadonlyArray<[Exclude<LibrarySort, 'relevance'>, string]> = [
  ['added', 'Recently added'],
  ['title', 'Title (A–Z)'],
  ['artist', 'Artist (A–Z)'],
];
/** Typing pauses this long before a search is sent: one request per word, not per letter. */
const SEARCH_DEBOUNCE_MS = 120;

/**
 * The library: a search box, kind filters, sorts and "Downloaded only" above a grid that pages
 * through the server's library as the person scrolls (only what is on screen is in the DOM).
 * "Your library" comes first when nothing is searched.
 */
export class CatalogView extends AppElement {
  static override properties = { downloadedOnly: { state: true }, typed: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      input[type='search'] {
        width: 100%;
        padding: 0 1em;
        border-radius: 999px;
        margin-bottom: 1em;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        margin-bottom: 1em;
      }
      .filters button[aria-pressed='true'] {
        background: var(--text);
        color: var(--bg);
      }
      select {
        border-radius: 999px;
      }
    `,
  ];

  declare downloadedOnly: boolean;
  /** What is in the search box now (the query follows it after a pause). */
  declare typed: string;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new StoreController(this, [libraryList, downloads]);
    this.downloadedOnly = false;
    this.typed = libraryList.value.query.q;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void markReleaseSeen(); // the library is on screen: every new release has been seen
  }

  override render() {
    const { query, status, error, next } = libraryList.value;
    const searching = query.q.trim() !== '';
    const releases = this.downloadedOnly ? this.#downloaded(query) : libraryList.value.releases;
    return html`<h1 tabindex="-1">Library</h1>
      <label class="visually-hidden" for="search">Search</label>
      <input
        id="search"
        type="search"
        placeholder="Search titles, artists and tracks"
        autocomplete="off"
        enterkeyhint="search"
        .value=${this.typed}
        @input=${this.#onInput}
      />
      ${searching || this.downloadedOnly ? nothing : html`<your-library></your-library>`}
      <div class="filters" role="group" aria-label="Filter the library">
        ${KINDS.map(
          ([kind, label]) =>
            html`<button aria-pressed=${String(query.kind === kind)} @click=${() => void setLibraryQuery({ kind })}>
              ${label}
            </button>`,
        )}
        ${
          searching
            ? nothing
            : html`<label class="visually-hidden" for="sort">Sort by</label>
                <select id="sort" @change=${this.#onSort}>
                  ${SORTS.map(([sort, label]) => html`<option value=${sort} ?selected=${query.sort === sort}>${label}</option>`)}
                </select>`
        }
        <label class="check"
          ><input type="checkbox" .checked=${this.downloadedOnly} @change=${this.#toggleDownloaded} />Downloaded only</label
        >
      </div>
      <h2 class="visually-hidden">${searching ? 'Search results' : 'All releases'}</h2>
      <p class="muted" role="status">${this.#statusLine(status, releases.length, error)}</p>
      ${
        releases.length > 0
          ? html`<release-grid
              .releases=${releases}
              ?hasMore=${!this.downloadedOnly && next !== null}
              label=${searching ? 'Search results' : 'Releases'}
              @load-more=${() => void loadMoreReleases()}
            ></release-grid>`
          : nothing
      }`;
  }

  /** Says what the grid shows: the answer to the search it shows, never to one still on its way. */
  #statusLine(status: string, count: number, error: string | undefined): string {
    const q = (this.downloadedOnly ? libraryList.value.query : libraryList.value.shown).q.trim();
    if (status === 'loading' && count === 0) return 'Loading the library…';
    if (status === 'error' && count === 0) {
      return `The library could not be loaded (${error ?? 'no answer'}). Connect once to fill your library.`;
    }
    if (count > 0) return q ? `Results for “${q}”` : '';
    if (this.downloadedOnly) return q ? 'Nothing downloaded matches.' : 'Nothing downloaded yet.';
    return q ? `Nothing found for “${q}”.` : 'Nothing here yet.';
  }

  /** Finished downloads, filtered and sorted as the server would (they carry their release). */
  #downloaded(query: LibraryQuery): readonly ReleaseSummary[] {
    const stored = [...downloads.value.values()]
      .filter((record) => record.state === 'done')
      .map((record) => ({ summary: releaseSummaryOf(record.release), release: record.release }));
    const q = query.q.trim() || undefined;
    return queryStoredReleases(stored, { sort: q ? 'relevance' : query.sort, kind: query.kind, q, limit: stored.length || 1 })
      .releases;
  }

  #onInput(event: Event): void {
    this.typed = (event.target as HTMLInputElement).value;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void setLibraryQuery({ q: this.typed }), SEARCH_DEBOUNCE_MS);
  }

  #onSort(event: Event): void {
    void setLibraryQuery({ sort: (event.target as HTMLSelectElement).value as LibraryQuery['sort'] });
  }

  #toggleDownloaded(event: Event): void {
    this.downloadedOnly = (event.target as HTMLInputElement).checked;
  }
}
customElements.define('catalog-view', CatalogView);

declare global {
  interface HTMLElementTagNameMap {
    'catalog-view': CatalogView;
  }
}
