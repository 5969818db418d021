import { isSafeMediaPath } from '#common/media-path';
import { appShell, matchPrecached } from '../lifecycle/precache.js';
import { libraryNetworkFirst } from '../library/library-network-first.js';
import { mediaFromCache } from './media-from-cache.js';

declare const self: ServiceWorkerGlobalScope;

/** Routes each request the SW answers; anything else goes to the network untouched. */
export function handleFetch(event: FetchEvent): void {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const ours = url.origin === self.location.origin;
  // Media may be on another origin (MEDIA_BASE_URL, a CDN): a downloaded file is served from the
  // cache whichever origin it came from. Nothing else from another origin is touched.
  if (url.pathname.startsWith('/media/') && (ours || isSafeMediaPath(url.pathname))) {
    event.respondWith(mediaFromCache(request));
    return;
  }
  if (!ours) return;

  const library = libraryNetworkFirst(request);
  if (library) {
    event.respondWith(library);
  } else if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(appShell());
  } else {
    const precached = matchPrecached(request);
    if (precached) event.respondWith(precached.then((hit) => hit ?? fetch(request)));
  }
}
