import { CACHE_NAMES, CATALOG_SOURCE_HEADER } from '#common/cache-names';
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
    if (response.ok) await cache.put(API.catalog, response.clone());
    return response;
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

/** Fetches the catalog into the cache now (conditional: the HTTP cache turns it into a 304). */
export async function refreshCatalog(): Promise<boolean> {
  const response = await catalogNetworkFirst(new Request(API.catalog));
  return response.ok && response.headers.get(CATALOG_SOURCE_HEADER) !== 'cache';
}
