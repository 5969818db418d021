import { hasBackgroundFetch } from '#browser/downloads/background-fetch';
import { startBackgroundFetchDownload } from '#browser/downloads/background-fetch-download';
import { pumpDownloads } from '#browser/downloads/download-queue';
import { ledger } from '#browser/ledger/ledger';
import { reportServerReachable } from '../state/connectivity.js';
import { serviceWorkerReady } from '../sw-bridge.js';
import { runFallbackDownload } from './fallback-downloader.js';
import { followBackgroundFetch } from './follow-background-fetch.js';

/**
 * Runs the download queue from this page: Background Fetch where the browser has it (followed here
 * while the page is open), the fallback downloader otherwise. Called when a download is asked
 * for, when one ends, when the app starts and when the network comes back.
 */
export async function pumpFromPage(): Promise<void> {
  const registration = await serviceWorkerReady();
  await pumpDownloads({
    registration,
    engines: hasBackgroundFetch(registration) ? ['background-fetch', 'fallback'] : ['fallback'],
    async start(record) {
      if (record.engine === 'fallback') {
        void runFallbackDownload(record).finally(() => void pumpFromPage());
        return;
      }
      const fetch = await startBackgroundFetchDownload(registration, record);
      if (fetch) followBackgroundFetch(fetch, record);
    },
  });
  // Downloads waiting for the network: watch for it to come back (the connectivity probe).
  if ((await ledger.all()).some((r) => r.state === 'queued' && r.waitingForNetwork)) reportServerReachable(false);
}
