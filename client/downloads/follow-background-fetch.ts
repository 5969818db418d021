import { DOWNLOAD_FAILURES, type DownloadRecord } from '#common/download-ledger';
import { releaseBytes } from '#common/release-facts';
import { storeFetchedBlocks } from '#browser/downloads/background-fetch';
import { ledger, onLedgerChange } from '#browser/ledger/ledger';
import { missingBlocks } from '#browser/media-cache/block-store';
import { progressWriter } from './progress-writer.js';
import { watchForStall } from './stall-watchdog.js';

/** Fetches this page already follows (a page follows each at most once). */
const following = new Set<string>();

/**
 * While this page is open, a running Background Fetch's progress goes to the ledger, and every
 * block that has arrived is checked and stored right away, so the work left when the last byte
 * arrives (in the SW's success event) is a block or two, not the whole release. If the fetch stops
 * receiving anything for good, the stall watchdog fails it with a reason.
 */
export function followBackgroundFetch(fetch: BackgroundFetchRegistration, record: DownloadRecord): void {
  const { releaseId } = record;
  if (following.has(releaseId)) return;
  following.add(releaseId);
  const base = releaseBytes(record.release) - fetch.downloadTotal;
  const writeProgress = progressWriter(releaseId);
  let storing = false;
  let lastStore = 0;
  const storeArrived = async () => {
    if (storing || Date.now() - lastStore < 1000) return;
    storing = true;
    try {
      const wanted = await missingBlocks(record.release);
      await storeFetchedBlocks(fetch, wanted, {
        finishedOnly: true,
        isStillWanted: async () => (await ledger.get(releaseId))?.state === 'downloading',
      });
    } catch {
      // the SW's success or fail event stores what is left and reports any problem
    } finally {
      lastStore = Date.now();
      storing = false;
    }
  };
  const onProgress = () => {
    if (fetch.result !== '') return stop();
    writeProgress(base + fetch.downloaded);
    void storeArrived();
  };
  fetch.addEventListener('progress', onProgress);
  const stopWatchdog = watchForStall(fetch, {
    // A test shortens it (e2e download-stall); a minute of nothing while online is a stall.
    stallMs: Number(localStorage.getItem('stowaway:stall-ms')) || 60_000,
    checkEveryMs: 5_000,
    isOnline: () => navigator.onLine,
    onStall: () => void failStalled(fetch, releaseId),
  });
  const unwatch = onLedgerChange((id) => {
    if (id === releaseId) void ledger.get(id).then((now) => now?.state !== 'downloading' && stop());
  });
  function stop() {
    fetch.removeEventListener('progress', onProgress);
    stopWatchdog();
    unwatch();
    following.delete(releaseId);
  }
  writeProgress(base + fetch.downloaded);
}

/** The record says why first, so the SW's abort handler keeps it (with Retry) instead of removing it. */
async function failStalled(fetch: BackgroundFetchRegistration, releaseId: string): Promise<void> {
  await ledger.transition(releaseId, 'failed', { error: DOWNLOAD_FAILURES['stalled'] });
  await fetch.abort().catch(() => false);
}
