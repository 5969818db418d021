import type { Catalog, Release } from '#common/catalog';
import { CATALOG_SOURCE_HEADER } from '#common/cache-names';
import { API } from '#common/routes';
import { reportServerReachable } from './connectivity.js';
import { Store } from './store.js';

export interface CatalogState {
  readonly releases: readonly Release[];
  readonly status: 'loading' | 'ready' | 'error';
  /** True when this copy came from the SW's cache because the server could not be reached. */
  readonly stale: boolean;
  readonly error?: string;
}

export const catalog = new Store<CatalogState>({ releases: [], status: 'loading', stale: false });

/** Loads the catalog through the SW (network first, its cache when the server is away). */
export async function loadCatalog(): Promise<void> {
  try {
    const res = await fetch(API.catalog);
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    const body = (await res.json()) as Catalog;
    const stale = res.headers.get(CATALOG_SOURCE_HEADER) === 'cache';
    reportServerReachable(!stale);
    catalog.set({ releases: body.releases, status: 'ready', stale });
  } catch (error) {
    reportServerReachable(false);
    if (catalog.value.status !== 'ready') {
      catalog.set({ releases: [], status: 'error', stale: true, error: (error as Error).message });
    }
  }
}

export const findRelease = (id: string): Release | undefined => catalog.value.releases.find((r) => r.id === id);
