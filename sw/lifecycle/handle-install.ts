import { storeFirstLibraryPage } from '../library/library-network-first.js';
import { refreshLibraryAndAct } from '../library/refresh-library.js';
import { precache } from './precache.js';

/**
 * Install: cache the new shell, store the library's first page and start following the change
 * feed. A first visit's own library request went to the network before this SW controlled the
 * page, so without this, one visit would leave nothing to browse offline. A failed fetch does not
 * fail the install (the shell still works). No skipWaiting: the new version waits until the page
 * accepts it.
 */
export function handleInstall(event: ExtendableEvent): void {
  precache.install(event); // calls event.waitUntil itself
  event.waitUntil(storeFirstLibraryPage().catch(() => undefined));
  event.waitUntil(refreshLibraryAndAct().catch(() => []));
}
