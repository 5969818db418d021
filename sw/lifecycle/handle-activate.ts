import { CACHE_NAMES } from '#common/cache-names';
import { precache } from './precache.js';

declare const self: ServiceWorkerGlobalScope;

/**
 * Activate: drop shell files the new version no longer lists (inside the precache only), then
 * take control of open pages. The media cache is left alone; the whole catalog an older version
 * kept goes (releases are stored one by one now).
 */
export function handleActivate(event: ExtendableEvent): void {
  precache.activate(event); // calls event.waitUntil itself
  event.waitUntil(self.clients.claim());
  event.waitUntil(caches.delete(CACHE_NAMES.legacyCatalog));
}
