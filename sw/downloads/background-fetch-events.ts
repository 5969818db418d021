import { BACKGROUND_FETCH_FAILURES, releaseIdOf } from '#common/download-ledger';
import { PAGES } from '#common/routes';
import { notifyPages } from '../lifecycle/notify-pages.js';
import { ledger } from '#browser/ledger/ledger';
import { releaseFromCachedCatalog } from './cached-catalog.js';
import { deleteParts } from '#browser/media-cache/media-cache';
import { failRelease, finishRelease } from './finish-release.js';

declare const self: ServiceWorkerGlobalScope;

/** backgroundfetchsuccess: copy every record into the media cache, check it, mark the release done. */
export function handleBackgroundFetchSuccess(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(
    (async () => {
      const releaseId = releaseIdOf(event.registration.id);
      const release = releaseId ? await releaseFromCachedCatalog(releaseId) : undefined;
      if (!release) return;
      // matchAll() returns records in any order: key them by URL, never by position.
      const records = await event.registration.matchAll();
      const byPath = new Map(records.map((r) => [new URL(r.request.url).pathname, r]));
      const ok = await finishRelease(release, async (part) => {
        const record = byPath.get(part.url);
        const response = await record?.responseReady.catch(() => undefined);
        return response && response.status === 200 ? response.blob() : undefined;
      });
      await event.updateUI({ title: ok ? `${release.title} is ready offline` : `${release.title} could not be downloaded` });
    })(),
  );
}

/** backgroundfetchfail: clean up and record a reason the person can read. */
export function handleBackgroundFetchFail(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(
    (async () => {
      const releaseId = releaseIdOf(event.registration.id);
      const release = releaseId ? await releaseFromCachedCatalog(releaseId) : undefined;
      const reason = BACKGROUND_FETCH_FAILURES[event.registration.failureReason] ?? BACKGROUND_FETCH_FAILURES[''] ?? '';
      if (release) await failRelease(release, reason);
      await event.updateUI({ title: `Download failed: ${reason}` });
    })(),
  );
}

/**
 * backgroundfetchabort: the person (or the browser UI) cancelled: leave nothing behind. A record
 * already marked failed was aborted by the app's stall watchdog: it stays, with its reason and Retry.
 */
export function handleBackgroundFetchAbort(event: BackgroundFetchEvent): void {
  event.waitUntil(
    (async () => {
      const releaseId = releaseIdOf(event.registration.id);
      if (!releaseId) return;
      const release = await releaseFromCachedCatalog(releaseId);
      if (release) await deleteParts(release.parts.map((p) => p.url));
      if ((await ledger.get(releaseId))?.state !== 'failed') await ledger.remove(releaseId);
      await notifyPages({ type: 'download-changed', releaseId });
    })(),
  );
}

/** backgroundfetchclick: open the release when it is done, the downloads page while it runs. */
export function handleBackgroundFetchClick(event: BackgroundFetchEvent): void {
  const releaseId = releaseIdOf(event.registration.id);
  const url = event.registration.result === 'success' && releaseId ? PAGES.release(releaseId) : PAGES.downloads;
  event.waitUntil(self.clients.openWindow(url));
}
