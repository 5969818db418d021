import { DOWNLOAD_FAILURES, type DownloadRecord } from '#common/download-ledger';
import { releaseBytes } from '#common/release-facts';
import { withDownloadLock } from '#browser/downloads/download-lock';
import { serverReachable } from '#browser/downloads/server-reachable';
import { settleDownload } from '#browser/downloads/settle-download';
import { blockProblem } from '#browser/downloads/verify-block';
import { ledger, onLedgerChange } from '#browser/ledger/ledger';
import { blockBytes, deleteReleaseBlocks, missingBlocks, putBlock, type PartBlock } from '#browser/media-cache/block-store';
import { runsOf, type BlockRun } from '#browser/downloads/block-runs';
import { ConnectionLostError, fetchBlockRun } from './fetch-block-run.js';
import { progressWriter } from './progress-writer.js';

/** Requests in flight at once: enough to fill a link, few enough to leave the player room. */
const CONCURRENCY = 3;
/** Automatic restarts after a lost connection before the download fails and waits for Retry. */
const MAX_AUTO_RETRIES = 3;

/**
 * Downloads a release without Background Fetch (Firefox, Safari, or Chromium with it hidden): this
 * page fetches the blocks it is missing, checks each one as it arrives and stores it itself, with
 * no trip through the SW. It holds the download's lock while it runs, and stops as soon as the
 * ledger says the download is no longer running (paused, cancelled or failed in any tab). Blocks
 * already stored are skipped, so running it again resumes.
 */
export async function runFallbackDownload(record: DownloadRecord): Promise<void> {
  await withDownloadLock(record.releaseId, () => download(record));
}

async function download(record: DownloadRecord): Promise<void> {
  const { releaseId, release } = record;
  const stop = new AbortController();
  const unwatch = onLedgerChange((id) => {
    if (id === releaseId) void ledger.get(id).then((now) => now?.state !== 'downloading' && stop.abort());
  });
  try {
    if ((await ledger.get(releaseId))?.state !== 'downloading') return;
    const missing = await missingBlocks(release);
    let received = releaseBytes(release) - missing.reduce((sum, b) => sum + blockBytes(b), 0);
    const writeProgress = progressWriter(releaseId);
    writeProgress(received);
    await runAll(runsOf(missing), stop, (run) =>
      fetchBlockRun(run, {
        signal: stop.signal,
        onBytes: (delta) => writeProgress((received += delta)),
        onBlock: (block, bytes) => storeBlock({ part: run.part, block }, bytes),
      }),
    );
    await settleDownload(releaseId);
  } catch (error) {
    await settleFailure(record, error, stop.signal.aborted);
  } finally {
    unwatch();
  }
}

/** Checks a block that arrived whole, then stores it (as a Blob: Chromium copies that to the cache faster than a buffer). */
async function storeBlock(target: PartBlock, bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const problem = await blockProblem(target, bytes);
  if (!problem) await putBlock(target, new Blob([bytes]));
  return problem;
}

/** Runs `work` on every run, a few at a time; the first failure stops the others and is the one reported. */
async function runAll(runs: BlockRun[], stop: AbortController, work: (run: BlockRun) => Promise<void>): Promise<void> {
  const queue = [...runs];
  let firstFailure: { reason: unknown } | undefined;
  const worker = async () => {
    for (let run = queue.shift(); run && !firstFailure; run = queue.shift()) await work(run);
  };
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, () =>
      worker().catch((reason: unknown) => {
        firstFailure ??= { reason };
        stop.abort();
      }),
    ),
  );
  if (firstFailure) throw firstFailure.reason;
}

/** What a failure does to the record: each case ends in a state the person can see and act on. */
async function settleFailure(record: DownloadRecord, error: unknown, aborted: boolean): Promise<void> {
  const { releaseId, release } = record;
  const now = await ledger.get(releaseId);
  if (!now) return deleteReleaseBlocks(release); // cancelled: a block stored meanwhile must go too
  if ((error as { name?: string }).name === 'QuotaExceededError') {
    // Nothing half-stored stays on a full disk: the blocks are the space to free.
    await deleteReleaseBlocks(release);
    await ledger.transition(releaseId, 'failed', { error: DOWNLOAD_FAILURES['quota-exceeded'] });
    return;
  }
  if (aborted && now.state !== 'downloading') return; // paused or failed elsewhere: that write stands
  const reachable = await serverReachable();
  if (reachable && !(error instanceof ConnectionLostError)) {
    await ledger.transition(releaseId, 'failed', { error: (error as Error).message });
  } else if (!reachable && (now.autoRetries ?? 0) < MAX_AUTO_RETRIES) {
    // The network or the server went away: wait for it, and resume by itself when it is back.
    await ledger.transition(releaseId, 'queued', { waitingFor: 'network', autoRetries: (now.autoRetries ?? 0) + 1 });
  } else {
    await ledger.transition(releaseId, 'failed', { error: DOWNLOAD_FAILURES['connection-lost'] });
  }
}
