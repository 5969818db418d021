import { precache } from './precache.js';

declare const self: ServiceWorkerGlobalScope;

/**
 * Activate: drop shell files the new version no longer lists (inside the precache only), then
 * take control of open pages. Media and catalog caches are left alone.
 */
export function handleActivate(event: ExtendableEvent): void {
  precache.activate(event); // calls event.waitUntil itself
  event.waitUntil(self.clients.claim());
}
