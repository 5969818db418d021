import type { Release } from '#common/catalog';
import type { Quality } from '#common/renditions';
import { hasBackgroundFetch } from '#browser/downloads/background-fetch';
import { requestDownload } from '#browser/downloads/download-queue';

declare const self: ServiceWorkerGlobalScope;

/**
 * Downloads asked for with no page involved (a followed artist's new release, a notification's
 * Download button) are queued like the button's, and start from the next page that opens: a
 * service worker may not start a Background Fetch (Chromium 156 refuses it there, as the spec
 * now says: WICG/background-fetch#180), and the fallback downloader needs a page anyway.
 */
export async function downloadFromWorker(releases: readonly Release[], quality?: Quality): Promise<void> {
  const engine = hasBackgroundFetch(self.registration) ? 'background-fetch' : 'fallback';
  for (const release of releases) await requestDownload(release, engine, quality);
}
