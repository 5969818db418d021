import { DOWNLOAD_FAILURES, releaseIdOf } from '#common/download-ledger';
import { PAGES } from '#common/routes';
import { ledger } from '#browser/ledger/ledger';
import { deleteReleaseBlocks } from '#browser/media-cache/block-store';
import { finishBackgroundFetch, keepArrivedBlocks } from './finish-background-fetch.js';

declare const self: ServiceWorkerGlobalScope;

/** Automatic restarts after a lost connection before the download fails and waits for Retry. */
const MAX_AUTO_RETRIES = 3;

/**
 * backgroundfetchsuccess: store and check what arrived, mark the release done. The next queued
 * download starts from an open page (a service worker may not start a Background Fetch).
 */
export function handleBackgroundFetchSuccess(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(
    (async () => {
      const releaseId = releaseIdOf(event.registration.id);
      if (!releaseId) return;
      const ok = await finishBackgroundFetch(event.registration, releaseId);
      const title = (await ledger.get(releaseId))?.release.title ?? 'The download';
      await event.updateUI({ title: ok ? `${title} is ready offline` : `${title} could not be downloaded` });
    })(),
  );
}

/**
 * backgroundfetchfail: keep what arrived; a lost connection waits for the network and resumes by
 * itself when a page sees it back (a few times), anything else fails with a reason the person can read.
 */
export function handleBackgroundFetchFail(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(
    (async () => {
      const releaseId = releaseIdOf(event.registration.id);
      const record = releaseId ? await ledger.get(releaseId) : undefined;
      const reason = event.registration.failureReason;
      const message = DOWNLOAD_FAILURES[reason] ?? (DOWNLOAD_FAILURES[''] as string);
      if (record && releaseId) {
        await keepArrivedBlocks(event.registration, record);
        const retries = record.autoRetries ?? 0;
        if (reason === 'fetch-error' && retries < MAX_AUTO_RETRIES) {
          await ledger.transition(releaseId, 'queued', { waitingFor: 'network', autoRetries: retries + 1 });
        } else {
          if (reason === 'quota-exceeded') await deleteReleaseBlocks(record.release);
          await ledger.transition(releaseId, 'failed', { error: message });
        }
      }
      await event.updateUI({ title: `Download failed: ${message}` });
    })(),
  );
}

/**
 * backgroundfetchabort: a pause (the record says paused) or the stall watchdog (failed) keeps the
 * blocks that arrived; the person cancelling in the browser's own download UI removes everything.
 * Cancel in the app removes the record (and the blocks) before it aborts.
 */
export function handleBackgroundFetchAbort(event: BackgroundFetchEvent): void {
  event.waitUntil(
    (async () => {
      const releaseId = releaseIdOf(event.registration.id);
      const record = releaseId ? await ledger.get(releaseId) : undefined;
      if (record && releaseId) {
        if (record.state === 'paused' || record.state === 'failed') {
          await keepArrivedBlocks(event.registration, record);
        } else {
          await ledger.remove(releaseId);
          await deleteReleaseBlocks(record.release);
        }
      }
    })(),
  );
}

/** backgroundfetchclick: open the release when it is done, the downloads page while it runs. */
export function handleBackgroundFetchClick(event: BackgroundFetchEvent): void {
  const releaseId = releaseIdOf(event.registration.id);
  const url = event.registration.result === 'success' && releaseId ? PAGES.release(releaseId) : PAGES.downloads;
  event.waitUntil(self.clients.openWindow(url));
}
