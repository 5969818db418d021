import { refreshCatalog } from '../fetch/catalog-network-first.js';
import { precache } from './precache.js';

/**
 * Install: cache the new shell, and the catalog. A first visit's own catalog request went to the
 * network before this SW controlled the page, so without this, one visit would leave nothing to
 * browse offline. A failed catalog fetch does not fail the install (the shell still works).
 * No skipWaiting: the new version waits until the page accepts it.
 */
export function handleInstall(event: ExtendableEvent): void {
  precache.install(event); // calls event.waitUntil itself
  event.waitUntil(refreshCatalog().catch(() => false));
}
