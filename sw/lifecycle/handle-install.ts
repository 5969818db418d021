import { precache } from './precache.js';

/** Install: cache the new shell. No skipWaiting: the new version waits until the page accepts it. */
export function handleInstall(event: ExtendableEvent): void {
  precache.install(event); // calls event.waitUntil itself
}
