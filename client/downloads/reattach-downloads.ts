import { downloadId } from '#common/download-ledger';
import { isDownloadRunningElsewhere } from '#browser/downloads/download-lock';
import { settleDownload } from '#browser/downloads/settle-download';
import { ledger } from '#browser/ledger/ledger';
import { missingBlocks, storedKeys, sweepOrphanBlocks } from '#browser/media-cache/block-store';
import { serviceWorkerReady } from '../sw-bridge.js';
import { runFallbackDownload } from './fallback-downloader.js';
import { followBackgroundFetch } from './follow-background-fetch.js';
import { pumpFromPage } from './page-queue.js';

/**
 * On app start, no download is left hanging: a Background Fetch still running is followed again, a
 * fallback download whose page was closed resumes here, a download whose runner is gone goes back
 * to the queue (it resumes with what is stored), and a release whose files were cleared behind the
 * app's back is no longer called available offline. Stored blocks no download lists are deleted.
 * Then the queue runs.
 */
export async function reattachDownloads(): Promise<void> {
  const registration = await serviceWorkerReady();
  const running = new Set((await registration.backgroundFetch?.getIds()) ?? []);
  const stored = await storedKeys();
  for (const record of await ledger.all()) {
    const { releaseId, release } = record;
    if (record.state === 'done') {
      if ((await missingBlocks(release, stored)).length > 0) {
        await ledger.transition(releaseId, 'failed', {
          error:
            'Its files were removed from this device (site data was cleared or space ran low). Download it again to play it offline.',
        });
      }
    } else if (record.state === 'downloading' || record.state === 'verifying') {
      if (await isDownloadRunningElsewhere(releaseId)) continue;
      const fetch = running.has(downloadId(releaseId))
        ? await registration.backgroundFetch?.get(downloadId(releaseId))
        : undefined;
      if (fetch && record.state === 'downloading') followBackgroundFetch(fetch, record);
      else if (fetch)
        continue; // the SW is finishing it
      else if (record.state === 'downloading' && record.engine === 'fallback')
        void runFallbackDownload(record).finally(pumpFromPage);
      else if ((await missingBlocks(release, stored)).length === 0) await settleDownload(releaseId);
      else await ledger.transition(releaseId, 'queued');
    }
  }
  await sweepOrphanBlocks();
  await pumpFromPage();
}
