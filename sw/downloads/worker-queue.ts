import type { QueueRunner } from '#browser/downloads/download-queue';
import { pumpDownloads } from '#browser/downloads/download-queue';
import { hasBackgroundFetch } from '#browser/downloads/background-fetch';
import { startBackgroundFetchDownload } from '#browser/downloads/background-fetch-download';

declare const self: ServiceWorkerGlobalScope;

/**
 * The SW runs the queue where the browser has Background Fetch: a download then starts with no
 * page open (a followed artist's release, a notification's Download, the network coming back).
 * The fallback downloader needs an open page, so elsewhere the SW only queues.
 */
function workerRunner(): QueueRunner {
  return {
    registration: self.registration,
    engines: hasBackgroundFetch(self.registration) ? ['background-fetch'] : [],
    start: async (record) => void (await startBackgroundFetchDownload(self.registration, record)),
  };
}

export const pumpFromWorker = (): Promise<void> => pumpDownloads(workerRunner());
