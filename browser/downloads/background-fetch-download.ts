import { releaseBytes } from '#common/release-facts';
import type { DownloadRecord } from '#common/download-ledger';
import { ledger } from '../ledger/ledger.js';
import { missingBlocks } from '../media-cache/block-store.js';
import { startBackgroundFetch } from './background-fetch.js';
import { settleDownload } from './settle-download.js';

/**
 * Runs a download the queue started, as a Background Fetch of the blocks it is missing (all of
 * them, or the rest after a pause or a lost connection). Used by the page and by the SW alike.
 * Returns the fetch, or undefined when nothing was missing and the download is settled.
 */
export async function startBackgroundFetchDownload(
  registration: ServiceWorkerRegistration,
  record: DownloadRecord,
): Promise<BackgroundFetchRegistration | undefined> {
  const missing = await missingBlocks(record.release);
  if (missing.length === 0) {
    await settleDownload(record.releaseId);
    return undefined;
  }
  const fetch = await startBackgroundFetch(registration, record, missing);
  await ledger.progress(record.releaseId, releaseBytes(record.release) - fetch.downloadTotal);
  return fetch;
}
