import type { Release } from '#common/catalog';
import { playableCopy, type DownloadRecord } from '#common/download-ledger';
import { ledger, onLedgerChange } from '#browser/ledger/ledger';
import { noteProgress } from './download-speed.js';
import { Store } from './store.js';

/** Every ledger record by release id, re-read whenever the ledger announces a change (from any tab or the SW). */
export const downloads = new Store<ReadonlyMap<string, DownloadRecord>>(new Map());

let reading: Promise<void> | undefined;
let again = false;

export async function refreshDownloads(): Promise<void> {
  // Changes arrive in bursts (progress from several downloads): one read at a time, plus one after it.
  if (reading) {
    again = true;
    return reading;
  }
  reading = (async () => {
    do {
      again = false;
      try {
        const records = await ledger.all();
        for (const record of records) noteProgress(record);
        downloads.set(new Map(records.map((r) => [r.releaseId, r])));
      } catch {
        // IndexedDB can be unavailable (private mode in some browsers): show nothing as downloaded.
        downloads.set(new Map());
      }
    } while (again);
  })();
  try {
    await reading;
  } finally {
    reading = undefined;
  }
}

onLedgerChange(() => void refreshDownloads());

export const downloadOf = (releaseId: string): DownloadRecord | undefined => downloads.value.get(releaseId);

/** The copy of a release stored and playable now (in the quality downloaded), if any. */
export function storedCopy(release: { readonly id: string }): Release | undefined {
  const record = downloads.value.get(release.id);
  return record && playableCopy(record);
}
