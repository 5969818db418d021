import { DOWNLOAD_FAILURES, type DownloadRecord } from '#common/download-ledger';
import { blockRange } from '#common/download-blocks';
import { storeFetchedBlocks, storeRunResponse } from '#browser/downloads/background-fetch';
import { withDownloadLock } from '#browser/downloads/download-lock';
import { settleDownload } from '#browser/downloads/settle-download';
import { ledger } from '#browser/ledger/ledger';
import { deleteReleaseBlocks, missingBlocks, type PartBlock } from '#browser/media-cache/block-store';

const stillWanted = (releaseId: string) => async () => (await ledger.get(releaseId)) !== undefined;

/**
 * backgroundfetchsuccess: checks and stores every block the page has not stored already, fetches
 * a damaged one once more, then marks the release done — all from the ledger record's own
 * manifest. Returns whether the release is now available offline.
 */
export async function finishBackgroundFetch(fetch: BackgroundFetchRegistration, releaseId: string): Promise<boolean> {
  const record = await ledger.transition(releaseId, 'verifying');
  if (!record) return false; // cancelled or paused meanwhile: nothing to finish
  const finished = await withDownloadLock(releaseId, async () => {
    try {
      const { damaged } = await storeFetchedBlocks(fetch, await missingBlocks(record.release), {
        isStillWanted: stillWanted(releaseId),
      });
      for (const { target } of damaged) {
        const run = { part: target.part, blocks: [target.block] };
        const [outcome] = await storeRunResponse(run, await refetch(target), stillWanted(releaseId));
        if (outcome?.problem) return fail(record, outcome.problem);
      }
      return settleDownload(releaseId);
    } catch (error) {
      if ((error as Error).name !== 'QuotaExceededError') return fail(record, (error as Error).message);
      // Nothing half-stored stays on a full disk: the blocks are the space to free.
      await deleteReleaseBlocks(record.release);
      return fail(record, DOWNLOAD_FAILURES['quota-exceeded'] as string);
    }
  });
  return finished ?? false;
}

/**
 * backgroundfetchfail and backgroundfetchabort: keeps every block that did arrive whole and
 * checks out, so a retry or a resume fetches only the rest.
 */
export async function keepArrivedBlocks(fetch: BackgroundFetchRegistration, record: DownloadRecord): Promise<void> {
  await storeFetchedBlocks(fetch, await missingBlocks(record.release), { isStillWanted: stillWanted(record.releaseId) }).catch(
    () => undefined, // a full disk: the failure reason already says so
  );
}

async function fail(record: DownloadRecord, reason: string): Promise<false> {
  await ledger.transition(record.releaseId, 'failed', { error: reason });
  return false;
}

async function refetch(target: PartBlock): Promise<Response | undefined> {
  const range = blockRange(target.part, target.block);
  return fetch(target.part.url, { cache: 'no-store', headers: range ? { Range: range } : {} }).catch(() => undefined);
}
