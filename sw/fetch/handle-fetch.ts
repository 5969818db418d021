import { appShell, matchPrecached } from '../lifecycle/precache.js';
import { libraryNetworkFirst } from '../library/library-network-first.js';
import { mediaFromCache } from './media-from-cache.js';

declare const self: ServiceWorkerGlobalScope;

/** Routes each request the SW answers; anything else goes to the network untouched. */
export function handleFetch(event: FetchEvent): void {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  const library = libraryNetworkFirst(request);
  if (url.pathname.startsWith('/media/')) {
    event.respondWith(mediaFromCache(request));
  } else if (library) {
    event.respondWith(library);
  } else if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(appShell());
  } else {
    const precached = matchPrecached(request);
    if (precached) event.respondWith(precached.then((hit) => hit ?? fetch(request)));
  }
}
