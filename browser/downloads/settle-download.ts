import { releaseBytes } from '#common/release-facts';
import { ledger } from '../ledger/ledger.js';
import { deleteReleaseBlocks, filesNotIn, missingBlocks } from '../media-cache/block-store.js';

/**
 * The last step of every download, whichever engine moved the bytes: every block is checked as it
 * is stored, so this only confirms that none is missing, then marks the release available offline.
 * Returns false (and records why) when it cannot.
 */
export async function settleDownload(releaseId: string): Promise<boolean> {
  const record = (await ledger.transition(releaseId, 'verifying')) ?? (await ledger.get(releaseId));
  if (record?.state !== 'verifying') return false;
  const missing = await missingBlocks(record.release);
  if (missing.length > 0) {
    const files = new Set(missing.map(({ part }) => part.url)).size;
    await ledger.transition(releaseId, 'failed', {
      error: `${files} ${files === 1 ? 'file is' : 'files are'} missing from storage. Press Retry.`,
    });
    return false;
  }
  await ledger.transition(releaseId, 'done', {
    bytesReceived: releaseBytes(record.release),
    error: undefined,
    replacing: undefined,
  });
  // A quality change is in: the files only the old quality used go (shared ones stay).
  if (record.replacing) await deleteReleaseBlocks(filesNotIn(record.replacing, record.release));
  return true;
}
