import { CATALOG_SOURCE_HEADER } from '#common/cache-names';
import { validateRelease } from '#common/catalog';
import { artistDetailSchema, releasePageSchema, releaseQuerySchema } from '#common/catalog-page';
import { API } from '#common/routes';
import { ledger } from '#browser/ledger/ledger';
import { queryStoredReleases } from '#browser/library/query-stored-releases';
import { releaseStore } from './release-store.js';

/** How long the library may take from the network before what is stored answers. */
export const LIBRARY_NETWORK_TIMEOUT_MS = 3000;

/** One library route: what to keep of a good answer, and how to answer from the store. */
interface LibraryRoute {
  /** Stores what the answer holds; false when it is not what this route answers (never shown). */
  keep(body: unknown): Promise<boolean>;
  offline(url: URL): Promise<Response>;
}

/**
 * The library API network first: each good answer is stored release by release, and when the
 * network fails, is slower than the timeout or sends something that is not an answer of this
 * route, the stored releases answer, marked with a header so the page can say it is offline.
 * Undefined for URLs that are not library routes.
 */
export function libraryNetworkFirst(request: Request): Promise<Response> | undefined {
  const route = routeOf(new URL(request.url));
  return route && networkFirst(request, route);
}

/** Stores the library's first page (newest first): what a first visit leaves to browse offline. */
export const storeFirstLibraryPage = (): Promise<Response> => networkFirst(new Request(API.libraryReleases), releaseList);

function routeOf(url: URL): LibraryRoute | undefined {
  const path = url.pathname;
  if (path === API.libraryReleases) return releaseList;
  if (path.startsWith(API.libraryRelease(''))) return oneRelease(decodeURIComponent(path.slice(API.libraryRelease('').length)));
  if (path.startsWith(API.artist(''))) return oneArtist(decodeURIComponent(path.slice(API.artist('').length)));
  return undefined;
}

async function networkFirst(request: Request, route: LibraryRoute): Promise<Response> {
  const network = fetch(request).then(async (response) => {
    // A 404 for a release or an artist is an answer too: the page says so.
    if (response.status === 404) return response;
    if (!response.ok || !(await route.keep(await response.clone().json()))) throw new Error(`library: ${response.status}`);
    return response;
  });
  network.catch(() => undefined);
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, LIBRARY_NETWORK_TIMEOUT_MS, undefined));
  return (await Promise.race([network.catch(() => undefined), timeout])) ?? route.offline(new URL(request.url));
}

const releaseList: LibraryRoute = {
  async keep(body) {
    const page = releasePageSchema.safeParse(body);
    if (page.success) await releaseStore.putSummaries(page.data.releases);
    return page.success;
  },
  async offline(url) {
    const query = releaseQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return offlineAnswer(400, { error: { code: 'bad_request', message: query.error.message } });
    return offlineAnswer(200, queryStoredReleases(await releaseStore.all(), query.data));
  },
};

const oneRelease = (id: string): LibraryRoute => ({
  async keep(body) {
    // Checked again here: what reaches the SW may not be what the server sent (a proxy, a CDN),
    // and downloads start from this copy.
    const release = validateRelease(body);
    if (release.ok && release.value.id === id) await releaseStore.putRelease(release.value);
    return release.ok;
  },
  async offline() {
    // A finished or started download carries the release it was asked for. A release only seen
    // in a list has its summary: the page shows that much, and says the rest needs the network.
    const stored = await releaseStore.get(id);
    const release = stored?.release ?? (await ledger.get(id))?.release;
    if (release) return offlineAnswer(200, release);
    const error = { code: 'offline', message: 'Its tracks are not stored on this device.' };
    return offlineAnswer(504, { error, summary: stored?.summary });
  },
});

const oneArtist = (id: string): LibraryRoute => ({
  async keep(body) {
    const detail = artistDetailSchema.safeParse(body);
    if (detail.success) await releaseStore.putSummaries(detail.data.releases.releases);
    return detail.success;
  },
  async offline() {
    const releases = (await releaseStore.all()).filter((entry) => entry.summary.artistId === id);
    const name = releases[0]?.summary.artist;
    if (!name) return offlineAnswer(504, { error: { code: 'offline', message: 'This artist is not stored on this device.' } });
    const page = queryStoredReleases(releases, { sort: 'added', limit: releases.length, q: undefined });
    return offlineAnswer(200, { artist: { id, name, releases: releases.length }, releases: page });
  },
});

function offlineAnswer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', [CATALOG_SOURCE_HEADER]: 'cache' },
  });
}
