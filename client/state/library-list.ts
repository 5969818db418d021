import type { Release } from '#common/catalog';
import type { LibrarySort, ReleasePage, ReleaseSummary } from '#common/catalog-page';
import { CATALOG_SOURCE_HEADER } from '#common/cache-names';
import { API } from '#common/routes';
import { reportServerReachable } from './connectivity.js';
import { Store } from './store.js';

/** What the library shows: a sort, a kind, and what is typed in Search (which sorts by best match). */
export interface LibraryQuery {
  readonly sort: Exclude<LibrarySort, 'relevance'>;
  readonly kind: Release['kind'] | undefined;
  readonly q: string;
}

export interface LibraryList {
  /** What was asked for last. */
  readonly query: LibraryQuery;
  /** The query the releases below answer (the last one asked for once its first page is in). */
  readonly shown: LibraryQuery;
  /** Every page loaded so far, in order; the grid renders only what is on screen. */
  readonly releases: readonly ReleaseSummary[];
  /** The cursor of the next page; null when the last page is loaded. */
  readonly next: string | null;
  readonly status: 'loading' | 'ready' | 'error';
  readonly error?: string;
}

/** Releases a page holds: enough to fill a phone screen twice and a wide one once, and a multiple of 2 to 6 columns. */
export const LIBRARY_PAGE_SIZE = 60;

const FIRST_QUERY: LibraryQuery = { sort: 'added', kind: undefined, q: '' };

export const libraryList = new Store<LibraryList>({
  query: FIRST_QUERY,
  shown: FIRST_QUERY,
  releases: [],
  next: null,
  status: 'loading',
});

// Each load is numbered: an answer to an older query (a search typed on since) is dropped.
let generation = 0;
let loadingMore = false;

export function setLibraryQuery(change: Partial<LibraryQuery>): Promise<void> {
  libraryList.update((list) => ({ ...list, query: { ...list.query, ...change } }));
  return reloadLibrary();
}

/** Loads the first page of the current query again (a new query, the catalog changed, back online). */
export async function reloadLibrary(): Promise<void> {
  const mine = ++generation;
  loadingMore = false;
  if (libraryList.value.releases.length === 0) libraryList.update((list) => ({ ...list, status: 'loading' }));
  const query = libraryList.value.query;
  const page = await fetchPage(query, undefined);
  if (mine !== generation) return;
  libraryList.update((list) =>
    'error' in page
      ? { ...list, status: list.releases.length ? 'ready' : 'error', error: page.error }
      : { ...list, shown: query, releases: page.releases, next: page.next, status: 'ready', error: undefined },
  );
}

/** The grid came near its end: the next page, once. */
export async function loadMoreReleases(): Promise<void> {
  const { next, shown: query } = libraryList.value;
  if (!next || loadingMore) return;
  loadingMore = true;
  const mine = generation;
  const page = await fetchPage(query, next);
  if (mine !== generation) return;
  loadingMore = false;
  if ('error' in page) return; // the next scroll asks again
  libraryList.update((list) => ({ ...list, releases: [...list.releases, ...page.releases], next: page.next }));
}

export function libraryUrl(query: LibraryQuery, cursor?: string, limit = LIBRARY_PAGE_SIZE): string {
  const q = query.q.trim();
  const params = new URLSearchParams({ sort: q ? 'relevance' : query.sort, limit: String(limit) });
  if (query.kind) params.set('kind', query.kind);
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  return `${API.libraryReleases}?${params}`;
}

async function fetchPage(
  query: LibraryQuery,
  cursor: string | undefined,
): Promise<{ releases: ReleaseSummary[]; next: string | null } | { error: string }> {
  try {
    const res = await fetch(libraryUrl(query, cursor));
    reportServerReachable(res.headers.get(CATALOG_SOURCE_HEADER) !== 'cache');
    if (!res.ok) return { error: `the server answered ${res.status}` };
    // The SW checked the page against its schema (sw/library/); zod stays out of the page's bundle.
    const page = (await res.json()) as ReleasePage;
    return Array.isArray(page.releases) ? page : { error: 'the server sent something that is not a library page' };
  } catch (error) {
    reportServerReachable(false);
    return { error: (error as Error).message };
  }
}
