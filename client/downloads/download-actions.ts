import type { Release } from '#common/catalog';
import { downloadId, isActive } from '#common/download-ledger';
import { hasBackgroundFetch } from '#browser/downloads/background-fetch';
import { requestDownload } from '#browser/downloads/download-queue';
import { ledger } from '#browser/ledger/ledger';
import { blockBytes, deleteReleaseBlocks, missingBlocks } from '#browser/media-cache/block-store';
import { serviceWorkerReady } from '../sw-bridge.js';
import { pumpFromPage } from './page-queue.js';
import { askPersistenceOnce, ensureRoomFor } from './storage-check.js';

/** What the buttons do. Each is one ledger write (the state machine refuses what does not apply), then the queue runs. */

/** Download (or Retry on the release page, with the catalog's current manifest): checks room, queues it. */
export async function startDownload(release: Release): Promise<void> {
  const existing = await ledger.get(release.id);
  if (isActive(existing) || existing?.state === 'done' || existing?.state === 'paused') return;
  await ensureRoomFor(await bytesMissing(release), release.title);
  askPersistenceOnce();
  const registration = await serviceWorkerReady();
  await requestDownload(release, hasBackgroundFetch(registration) ? 'background-fetch' : 'fallback');
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

/** Cancel or Remove: the record goes first (nothing can write to it after), then the fetch and the blocks. */
export async function cancelDownload(releaseId: string): Promise<void> {
  const record = await ledger.get(releaseId);
  await ledger.remove(releaseId);
  await abortBackgroundFetch(releaseId);
  if (record) await deleteReleaseBlocks(record.release);
  await pumpFromPage();
}

export const removeDownload = cancelDownload;

export async function removeAllDownloads(): Promise<void> {
  for (const record of await ledger.all()) await cancelDownload(record.releaseId);
}

async function abortBackgroundFetch(releaseId: string): Promise<void> {
  const registration = await serviceWorkerReady();
  const fetch = await registration.backgroundFetch?.get(downloadId(releaseId));
  await fetch?.abort().catch(() => false);
}

async function bytesMissing(release: Release): Promise<number> {
  return (await missingBlocks(release)).reduce((sum, b) => sum + blockBytes(b), 0);
}
