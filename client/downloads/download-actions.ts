import type { Release } from '#common/catalog';
import { downloadId, isActive } from '#common/download-ledger';
import { hasBackgroundFetch } from '#browser/downloads/background-fetch';
import { defaultQuality, requestDownload, requestQualityChange } from '#browser/downloads/download-queue';
import { ledger } from '#browser/ledger/ledger';
import { blockBytes, deleteReleaseBlocks, filesNotIn, missingBlocks } from '#browser/media-cache/block-store';
import { releaseAt, type Quality } from '#common/renditions';
import { serviceWorkerReady } from '../sw-bridge.js';
import { pumpFromPage } from './page-queue.js';
import { askPersistenceOnce, ensureRoomFor } from './storage-check.js';

/** What the buttons do. Each is one ledger write (the state machine refuses what does not apply), then the queue runs. */

/**
 * Download (or Retry on the release page, with the catalog's current manifest) at `quality`, or
 * the person's default for the release's kind: checks room for that quality's files, queues it.
 */
export async function startDownload(release: Release, quality?: Quality): Promise<void> {
  const existing = await ledger.get(release.id);
  if (isActive(existing) || existing?.state === 'done' || existing?.state === 'paused') return;
  const chosen = quality ?? (await defaultQuality(release));
  await ensureRoomFor(await bytesMissing(releaseAt(release, chosen)), release.title);
  askPersistenceOnce();
  const registration = await serviceWorkerReady();
  await requestDownload(release, hasBackgroundFetch(registration) ? 'background-fetch' : 'fallback', chosen);
  await pumpFromPage();
}

/**
 * Another quality for a finished download: the new quality is queued and the old copy stays, and
 * plays, until the new one is in; then the files only the old one used are freed (those both use,
 * such as the artwork or a film's audio, are not fetched again). Cancel goes back to the old copy.
 */
export async function changeQuality(release: Release, quality: Quality): Promise<void> {
  const existing = await ledger.get(release.id);
  if (existing?.state !== 'done') return;
  await ensureRoomFor(await bytesMissing(releaseAt(release, quality)), release.title);
  const registration = await serviceWorkerReady();
  await requestQualityChange(release, hasBackgroundFetch(registration) ? 'background-fetch' : 'fallback', quality);
  await pumpFromPage();
}

/**
 * Pause: the fallback downloader sees the ledger change and stops; a Background Fetch (which has
 * no pause of its own) is aborted, and the SW keeps every block that had arrived.
 */
export async function pauseDownload(releaseId: string): Promise<void> {
  const paused = await ledger.transition(releaseId, 'paused');
  if (paused?.engine === 'background-fetch') await abortBackgroundFetch(releaseId);
  await pumpFromPage();
}

/** Resume a paused download, or Retry a failed one with the manifest it started with: only what is missing is fetched. */
export async function resumeDownload(releaseId: string): Promise<void> {
  const record = await ledger.get(releaseId);
  if (!record) return;
  await ensureRoomFor(await bytesMissing(record.release), record.release.title);
  await ledger.transition(releaseId, 'queued', { waitingFor: undefined, autoRetries: 0, error: undefined });
  await pumpFromPage();
}

/**
 * Cancel or Remove: the record goes first (nothing can write to it after), then the fetch and the
 * blocks. Cancelling a quality change keeps the copy it was replacing, as it was.
 */
export async function cancelDownload(releaseId: string): Promise<void> {
  const record = await ledger.get(releaseId);
  if (record?.replacing && record.state !== 'done') {
    await ledger.restore(releaseId);
    await abortBackgroundFetch(releaseId);
    await deleteReleaseBlocks(filesNotIn(record.release, record.replacing));
  } else {
    await ledger.remove(releaseId);
    await abortBackgroundFetch(releaseId);
    if (record) await deleteReleaseBlocks(record.release);
  }
  await pumpFromPage();
}

/** Remove: the download and, during a quality change, the copy it replaces too. */
export async function removeDownload(releaseId: string): Promise<void> {
  const record = await ledger.get(releaseId);
  await ledger.remove(releaseId);
  await abortBackgroundFetch(releaseId);
  if (record?.replacing) await deleteReleaseBlocks(record.replacing);
  if (record) await deleteReleaseBlocks(record.release);
  await pumpFromPage();
}

export async function removeAllDownloads(): Promise<void> {
  for (const record of await ledger.all()) await removeDownload(record.releaseId);
}

async function abortBackgroundFetch(releaseId: string): Promise<void> {
  const registration = await serviceWorkerReady();
  const fetch = await registration.backgroundFetch?.get(downloadId(releaseId));
  await fetch?.abort().catch(() => false);
}

async function bytesMissing(release: Release): Promise<number> {
  return (await missingBlocks(release)).reduce((sum, b) => sum + blockBytes(b), 0);
}
