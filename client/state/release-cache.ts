import type { Release } from '#common/catalog';
import type { ReleaseSummary } from '#common/catalog-page';
import { CATALOG_SOURCE_HEADER } from '#common/cache-names';
import { API } from '#common/routes';
import { reportServerReachable } from './connectivity.js';
import { Store } from './store.js';

/** A release the page asked for by id: whole (parts and hashes), for its page, playing and downloading. */
export type ReleaseEntry =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly release: Release }
  | { readonly status: 'missing' | 'error'; readonly message: string; readonly summary?: ReleaseSummary };

/** Releases loaded one by one: the page never holds the catalog, only what it has opened. */
export const releaseCache = new Store<ReadonlyMap<string, ReleaseEntry>>(new Map());

const inFlight = new Map<string, Promise<Release | undefined>>();

export const releaseById = (id: string): Release | undefined => {
  const entry = releaseCache.value.get(id);
  return entry?.status === 'ready' ? entry.release : undefined;
};

/**
 * Loads a release through the SW (network first; offline, the copy it stored when the release was
 * seen or downloaded). Once loaded it is reloaded only when asked (`fresh`: the catalog changed).
 */
export function loadRelease(id: string, { fresh = false } = {}): Promise<Release | undefined> {
  const known = releaseById(id);
  if (known && !fresh) return Promise.resolve(known);
  const pending = inFlight.get(id) ?? fetchRelease(id).finally(() => inFlight.delete(id));
  inFlight.set(id, pending);
  return pending;
}

async function fetchRelease(id: string): Promise<Release | undefined> {
  if (!releaseById(id)) put(id, { status: 'loading' });
  try {
    const res = await fetch(API.libraryRelease(id));
    reportServerReachable(res.headers.get(CATALOG_SOURCE_HEADER) !== 'cache');
    if (res.status === 404) return put(id, { status: 'missing', message: 'There is no such release.' });
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const message = errorMessage(body) ?? `the server answered ${res.status}`;
      // Offline, the SW sends what it knows of a release seen in a list: enough to show it.
      const summary = (body as { summary?: ReleaseSummary } | undefined)?.summary;
      return put(id, { status: 'error', message, summary });
    }
    // The SW validated it against the catalog schema before storing it (sw/library/); the page
    // keeps zod out of its bundle and checks only that this is the release it asked for.
    const release = body as Release | undefined;
    if (release?.id !== id || !Array.isArray(release.parts)) {
      return put(id, { status: 'error', message: 'the server sent something that is not this release' });
    }
    put(id, { status: 'ready', release });
    return release;
  } catch (error) {
    reportServerReachable(false);
    // A copy loaded before stays shown; otherwise say why there is none.
    if (!releaseById(id)) put(id, { status: 'error', message: (error as Error).message });
    return releaseById(id);
  }
}

function put(id: string, entry: ReleaseEntry): undefined {
  releaseCache.update((entries) => new Map(entries).set(id, entry));
  return undefined;
}

const errorMessage = (body: unknown): string | undefined =>
  (body as { error?: { message?: unknown } } | undefined)?.error?.message as string | undefined;

/** The catalog changed: releases loaded before are loaded again when next shown. */
export function forgetLoadedReleases(): void {
  releaseCache.set(new Map());
}
