import { PrecacheController } from 'workbox-precaching';
import { setCacheNameDetails } from 'workbox-core';
import { CACHE_NAMES } from '#common/cache-names';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// Precache caches are named `stowaway-precache-v2-<scope>`; the media cache never contains
// "-precache-", so neither workbox's clean-up nor ours can ever delete a download.
setCacheNameDetails({ prefix: CACHE_NAMES.precachePrefix });

/** The app shell: every built file, revisioned by vite-plugin-pwa at build time. */
export const precache = new PrecacheController();
precache.addToCacheList(self.__WB_MANIFEST);

/** The shell's index.html, served for every in-app navigation (deep links open offline). */
export async function appShell(): Promise<Response> {
  const cached = await precache.matchPrecache('/index.html');
  return cached ?? fetch('/index.html');
}

/** A precached file, if `request` is one. */
export function matchPrecached(request: Request): Promise<Response | undefined> | undefined {
  return precache.getCacheKeyForURL(request.url) ? precache.matchPrecache(request) : undefined;
}
