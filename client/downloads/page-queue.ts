import { hasBackgroundFetch } from '#browser/downloads/background-fetch';
import { startBackgroundFetchDownload } from '#browser/downloads/background-fetch-download';
import { browserConnection } from '#browser/downloads/connection-cost';
import { pumpDownloads } from '#browser/downloads/download-queue';
import { isRunning } from '#common/download-ledger';
import { ledger } from '#browser/ledger/ledger';
import { reportServerReachable } from '../state/connectivity.js';
import { downloads } from '../state/downloads-store.js';
import { serviceWorkerReady } from '../sw-bridge.js';
import { runFallbackDownload } from './fallback-downloader.js';
import { followBackgroundFetch } from './follow-background-fetch.js';

/**
 * Runs the download queue from this page: Background Fetch where the browser has it (followed here
 * while the page is open), the fallback downloader otherwise. Only a page can: a service worker
 * may not start a Background Fetch (Chromium 156, WICG/background-fetch#180). Called when a
 * download is asked for, when one ends (watchQueue), when the app starts and when the network
 * comes back.
 */
export async function pumpFromPage(): Promise<void> {
  const registration = await serviceWorkerReady();
  await pumpDownloads({
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
  if ((await ledger.all()).some((r) => r.state === 'queued' && r.waitingFor === 'network')) reportServerReachable(false);
}

/**
 * Starts the next queued download whenever one stops running (done, failed, paused, removed, in
 * any tab or in the SW), one is queued elsewhere (a push, a followed artist), or the connection
 * changes (a phone moving onto Wi-Fi: downloads waiting for an unmetered connection start).
 */
export function watchQueue(): void {
  let running = 0;
  let queued = 0;
  downloads.subscribe((records) => {
    const now = [...records.values()];
    const nowRunning = now.filter(isRunning).length;
    const nowQueued = now.filter((r) => r.state === 'queued').length;
    if (nowRunning < running || nowQueued > queued) void pumpFromPage().catch(() => undefined);
    running = nowRunning;
    queued = nowQueued;
  });
  browserConnection()?.addEventListener('change', () => void pumpFromPage().catch(() => undefined));
  // Data Saver turned off fires no `change`: coming back to the app looks again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void pumpFromPage().catch(() => undefined);
  });
}
