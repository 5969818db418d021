import type { Release } from '#common/catalog';
import { releaseBytes } from '#common/release-facts';
import { BACKGROUND_FETCH_FAILURES, downloadId, isActive, newDownloadRecord, type DownloadEngine } from '#common/download-ledger';
import { findRelease } from '../state/catalog-store.js';
import { refreshDownloads } from '../state/downloads-store.js';
import { ledger } from '#browser/ledger/ledger';
import { askServiceWorker, serviceWorkerReady } from '../sw-bridge.js';
import { hasBackgroundFetch, startBackgroundFetch, watchBackgroundFetch } from '#browser/downloads/background-fetch-engine';
import { missingParts } from '#browser/media-cache/media-cache';
import { runFallbackDownload } from './fallback-downloader.js';
import { watchForStall } from './stall-watchdog.js';
import { askPersistenceOnce, ensureRoomFor, quotaMessage } from './storage-check.js';

/** Fallback downloads running in this page, so they can be cancelled. */
const running = new Map<string, AbortController>();

/** The Download button: checks room, records the download, and starts the right engine. */
export async function startDownload(release: Release): Promise<void> {
  const existing = await ledger.get(release.id);
  if (isActive(existing) || existing?.state === 'done') return;
  const bytes = releaseBytes(release);
  await ensureRoomFor(bytes, release.title);
  askPersistenceOnce();
  const registration = await serviceWorkerReady();
  const engine: DownloadEngine = hasBackgroundFetch(registration) ? 'background-fetch' : 'fallback';
  await ledger.put(newDownloadRecord(release, engine));
  await refreshDownloads();
  if (engine === 'background-fetch') await runBackgroundFetch(registration, release);
  else void runFallback(release);
}

async function runBackgroundFetch(registration: ServiceWorkerRegistration, release: Release): Promise<void> {
  try {
    const fetch = await startBackgroundFetch(registration, release);
    await ledger.patch(release.id, { state: 'downloading' });
    followBackgroundFetch(fetch, release.id);
    await refreshDownloads();
  } catch (error) {
    const reason = quotaMessage(error) ?? `The download could not start: ${(error as Error).message}`;
    await ledger.patch(release.id, { state: 'failed', error: reason });
    await refreshDownloads();
    throw new Error(reason);
  }
}

/** Shows a running Background Fetch's progress, and fails it with a reason if it stops for good. */
function followBackgroundFetch(fetch: BackgroundFetchRegistration, releaseId: string): void {
  let stalled = false;
  const writeProgress = progressWriter(releaseId);
  // The abort below makes the browser report progress once more: it must not undo "failed".
  watchBackgroundFetch(fetch, (bytes) => {
    if (!stalled) writeProgress(bytes);
  });
  watchForStall(fetch, {
    // A test shortens it (e2e download-stall); a minute of nothing while online is a stall.
    stallMs: Number(localStorage.getItem('stowaway:stall-ms')) || 60_000,
    checkEveryMs: 5_000,
    isOnline: () => navigator.onLine,
    onStall: () => {
      stalled = true;
      void failStalled(fetch, releaseId);
    },
  });
}

/** The record says why first, so the abort handler in the SW keeps it (with Retry) instead of removing it. */
async function failStalled(fetch: BackgroundFetchRegistration, releaseId: string): Promise<void> {
  await ledger.patch(releaseId, { state: 'failed', error: BACKGROUND_FETCH_FAILURES['stalled'] });
  await fetch.abort().catch(() => false);
  await refreshDownloads();
}

async function runFallback(release: Release): Promise<void> {
  const controller = new AbortController();
  running.set(release.id, controller);
  try {
    await ledger.patch(release.id, { state: 'downloading' });
    await runFallbackDownload(release, controller.signal, progressWriter(release.id));
  } catch (error) {
    const storageFull = quotaMessage(error);
    if (storageFull) {
      // Nothing half-stored stays behind on a full disk: the parts are the space to free.
      await askServiceWorker({ type: 'fail-download', releaseId: release.id, reason: storageFull });
    } else if (!controller.signal.aborted) {
      // Other failures keep the stored parts: Retry resumes where the download stopped.
      await ledger.patch(release.id, { state: 'failed', error: (error as Error).message });
    }
  } finally {
    running.delete(release.id);
    await refreshDownloads();
  }
}

/** Writes progress to the ledger at most twice a second (the UI renders the ledger). */
function progressWriter(releaseId: string): (bytes: number) => void {
  let last = 0;
  return (bytes) => {
    const now = Date.now();
    if (now - last < 500) return;
    last = now;
    void ledger.patch(releaseId, { bytesReceived: bytes, state: 'downloading' }).then(refreshDownloads);
  };
}

/** Cancel: stops the fetch and leaves nothing behind (no ledger entry, no cached part). */
export async function cancelDownload(releaseId: string): Promise<void> {
  running.get(releaseId)?.abort();
  const registration = await serviceWorkerReady();
  const fetch = await registration.backgroundFetch?.get(downloadId(releaseId));
  await fetch?.abort();
  await discard(releaseId);
}

export const removeDownload = (releaseId: string): Promise<void> => discard(releaseId);

export async function removeAllDownloads(): Promise<void> {
  for (const record of await ledger.all()) await cancelDownload(record.releaseId);
}

async function discard(releaseId: string): Promise<void> {
  const reply = await askServiceWorker({ type: 'discard-download', releaseId });
  if (!reply.ok) throw new Error(reply.error ?? 'The download could not be removed.');
  await refreshDownloads();
}

/**
 * On app start: re-attach the UI to downloads still running in the browser, resume fallback
 * downloads, and settle records with nothing behind them, so none is left hanging.
 */
export async function reattachDownloads(): Promise<void> {
  const registration = await serviceWorkerReady();
  const ids = new Set((await registration.backgroundFetch?.getIds()) ?? []);
  for (const record of await ledger.all()) {
    if (record.state === 'done') {
      await checkStillStored(record.releaseId);
      continue;
    }
    if (!isActive(record) && record.state !== 'paused') continue;
    const release = findRelease(record.releaseId);
    if (record.engine === 'background-fetch' && ids.has(downloadId(record.releaseId))) {
      const fetch = await registration.backgroundFetch?.get(downloadId(record.releaseId));
      if (fetch) followBackgroundFetch(fetch, record.releaseId);
    } else if (release && !running.has(release.id) && (record.engine === 'fallback' || hasBackgroundFetch(registration))) {
      if (record.engine === 'fallback') void runFallback(release);
      else await settleOrphan(release);
    } else if (!release) {
      await ledger.patch(record.releaseId, { state: 'failed', error: 'This release is no longer in the catalog.' });
    }
  }
  await refreshDownloads();
}

/**
 * A download marked done whose files are no longer all in the cache (the person or the browser
 * cleared site data, or evicted it under storage pressure) is never shown as available offline.
 */
async function checkStillStored(releaseId: string): Promise<void> {
  const release = findRelease(releaseId);
  if (!release || (await missingParts(release.parts)).length === 0) return;
  await ledger.patch(releaseId, {
    state: 'failed',
    error:
      'Its files were removed from this device (site data was cleared or space ran low). Download it again to play it offline.',
  });
}

/** A Background Fetch record with no fetch behind it: done if every part is stored, else failed. */
async function settleOrphan(release: Release): Promise<void> {
  const reply = await askServiceWorker({ type: 'complete-download', releaseId: release.id });
  if (!reply.ok) {
    await ledger.patch(release.id, { state: 'failed', error: 'The download stopped while the app was closed. Press Retry.' });
  }
}
