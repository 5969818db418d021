import { CACHE_NAMES } from '#common/cache-names';
import { rangeResponse } from './range-response.js';

/**
 * /media/*: from the media cache when the file is downloaded (with Range), else from the network.
 * Downloads are stored under their plain URL, so the key never depends on the request's headers.
 */
export async function mediaFromCache(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAMES.media);
  const url = new URL(request.url);
  const cached = await cache.match(url.origin + url.pathname, { ignoreVary: true });
  if (!cached) return fetch(request);
  const body = await cached.blob();
  return rangeResponse(body, cached.headers.get('Content-Type') ?? 'application/octet-stream', request.headers.get('Range'));
}
