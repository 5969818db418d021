import type { DownloadRecord } from '#common/download-ledger';
import { ledger } from '#browser/ledger/ledger';
import { Store } from './store.js';

/** Every ledger record by release id, re-read whenever the SW or the downloader says it changed. */
export const downloads = new Store<ReadonlyMap<string, DownloadRecord>>(new Map());

export async function refreshDownloads(): Promise<void> {
  try {
    const records = await ledger.all();
    downloads.set(new Map(records.map((r) => [r.releaseId, r])));
  } catch {
    // IndexedDB can be unavailable (private mode in some browsers): show nothing as downloaded.
    downloads.set(new Map());
  }
}

export const downloadOf = (releaseId: string): DownloadRecord | undefined => downloads.value.get(releaseId);
