import { CACHE_NAMES, CATALOG_SOURCE_HEADER } from '#common/cache-names';
import { keepValidReleases } from '#common/catalog';
import { API } from '#common/routes';

/** How long the catalog may take from the network before the cached copy is shown. */
export const CATALOG_NETWORK_TIMEOUT_MS = 3000;

/**
 * GET /api/catalog, network first: a fresh copy is stored for offline use; when the network fails
 * or is slower than the timeout, the last stored copy answers, marked with a header so the page
 * can tell the person they are offline.
 */
export async function catalogNetworkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAMES.catalog);
  const network = fetch(request).then(async (response) => {
    if (!response.ok) return response;
    const checked = await validatedCatalogResponse(response);
    await cache.put(API.catalog, checked.clone());
    return checked;
  });
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, CATALOG_NETWORK_TIMEOUT_MS, undefined));
  const fromNetwork = await Promise.race([network.catch(() => undefined), timeout]);
  if (fromNetwork) return fromNetwork;
  const cached = await cache.match(API.catalog);
  if (!cached) return network; // nothing stored yet: wait for the network, or fail as it fails
  network.catch(() => undefined);
  const headers = new Headers(cached.headers);
  headers.set(CATALOG_SOURCE_HEADER, 'cache');
  return new Response(cached.body, { status: 200, headers });
}

/**
 * The server validates releases at publish time; the SW checks again, because what reaches it
 * may not be what the server sent (a proxy, a compromised CDN, an old server). Releases that fail
 * are dropped before the page or a download ever sees them; a body that is not a catalog at all
 * counts as a failed fetch, so the stored copy answers.
 */
async function validatedCatalogResponse(response: Response): Promise<Response> {
  const checked = keepValidReleases(await response.json());
  if (!checked) throw new Error('the server sent something that is not a catalog');
  if (checked.refused.length > 0) console.warn('catalog: releases refused', checked.refused);
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  headers.delete('Content-Encoding');
  return new Response(JSON.stringify(checked.catalog), { status: 200, headers });
}

/** Fetches the catalog into the cache now (conditional: the HTTP cache turns it into a 304). */
export async function refreshCatalog(): Promise<boolean> {
  const response = await catalogNetworkFirst(new Request(API.catalog));
  return response.ok && response.headers.get(CATALOG_SOURCE_HEADER) !== 'cache';
}
