import type { Release } from '#common/catalog';
import { hasBackgroundFetch } from '#browser/downloads/background-fetch';
import { requestDownload } from '#browser/downloads/download-queue';
import { pumpFromWorker } from './worker-queue.js';

declare const self: ServiceWorkerGlobalScope;

/**
 * Downloads asked for with no page involved (a followed artist's new release, a notification's
 * Download button): queued like the button's, started here where the browser has Background
 * Fetch, and by the next open page elsewhere (the fallback downloader needs one).
 */
export async function downloadFromWorker(releases: readonly Release[]): Promise<void> {
  const engine = hasBackgroundFetch(self.registration) ? 'background-fetch' : 'fallback';
  for (const release of releases) await requestDownload(release, engine);
  await pumpFromWorker();
}
