import { mediaPathOf } from '#common/media-path';
import { answerRange } from '#common/byte-range';
import { downloadId, type DownloadRecord } from '#common/download-ledger';
import { blockBytes, putBlock, type PartBlock } from '../media-cache/block-store.js';
import { runRange, runStart, runsOf, type BlockRun } from './block-runs.js';
import { blockProblem, fileName } from './verify-block.js';

/** True where the browser has Background Fetch (Chromium); elsewhere the fallback downloader runs. */
export function hasBackgroundFetch(registration: ServiceWorkerRegistration): boolean {
  return 'BackgroundFetchManager' in globalThis && registration.backgroundFetch !== undefined;
}

/**
 * Blocks per request. Chromium hands a page a record only once its whole response has arrived, so
 * a request is the unit the page can check and store while the fetch runs: whole files left all of
 * the last file to check after the last byte (2.6 s of 11.7 for 200 MB over a 25 MB/s link). Each
 * request costs a pause of about 25 ms, so not one per block either.
 */
export const BLOCKS_PER_REQUEST = 2;

/** The missing blocks as requests of at most BLOCKS_PER_REQUEST consecutive blocks of one file. */
export function requestRuns(missing: readonly PartBlock[]): BlockRun[] {
  return runsOf(missing).flatMap((run) =>
    Array.from({ length: Math.ceil(run.blocks.length / BLOCKS_PER_REQUEST) }, (_, i) => ({
      part: run.part,
      blocks: run.blocks.slice(i * BLOCKS_PER_REQUEST, (i + 1) * BLOCKS_PER_REQUEST),
    })),
  );
}

/** A Range for the run, or the plain URL when the run is the whole file. */
function requestFor(run: BlockRun): RequestInfo {
  const range = runRange(run);
  return range ? new Request(run.part.url, { headers: { Range: range } }) : run.part.url;
}

/**
 * Starts ONE Background Fetch for the blocks a release is missing: the browser shows its own
 * progress UI and the download goes on with the app closed. downloadTotal is their exact size, a
 * hard limit. A fetch with the same id that is still being torn down (after a pause) refuses the id
 * for a moment, so that is retried.
 */
export async function startBackgroundFetch(
  registration: ServiceWorkerRegistration,
  record: DownloadRecord,
  missing: readonly PartBlock[],
): Promise<BackgroundFetchRegistration> {
  const { release } = record;
  const options = {
    title: `${release.title} — ${release.artist}`,
    icons: [{ src: release.artwork, sizes: '512x512', type: 'image/jpeg' }],
    downloadTotal: missing.reduce((sum, b) => sum + blockBytes(b), 0),
  };
  const manager = registration.backgroundFetch as BackgroundFetchManager;
  for (let attempt = 1; ; attempt++) {
    try {
      return await manager.fetch(downloadId(record.releaseId), requestRuns(missing).map(requestFor), options);
    } catch (error) {
      if ((error as Error).name !== 'TypeError' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export interface StoreOutcome {
  readonly stored: number;
  /** Blocks that arrived but did not match the catalog (or arrived cut), with the reason. */
  readonly damaged: ReadonlyArray<{ readonly target: PartBlock; readonly problem: string }>;
}

/**
 * Checks and stores the blocks of a Background Fetch that have arrived and are not stored yet.
 * `finishedOnly`: while the fetch runs (the page watching it), take only records already complete
 * and leave the rest; in the SW's success/fail/abort events every record has settled. Two records
 * at a time: one is read and hashed while the other is written.
 */
export async function storeFetchedBlocks(
  fetch: BackgroundFetchRegistration,
  wanted: readonly PartBlock[],
  { finishedOnly = false, isStillWanted = async () => true } = {} as {
    finishedOnly?: boolean;
    /** Checked before each write: a cancelled download must not get blocks back. */
    isStillWanted?: () => Promise<boolean>;
  },
): Promise<StoreOutcome> {
  const queue = (await fetch.matchAll()).flatMap((record) => {
    const held = heldBlocks(record.request, wanted);
    return held && held.run.blocks.length > 0 ? [{ record, held }] : [];
  });
  const damaged: Array<{ target: PartBlock; problem: string }> = [];
  let stored = 0;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const response = await settled(next.record.responseReady, finishedOnly);
      if (response === 'pending') continue;
      for (const outcome of await storeRunResponse(next.held.run, response, isStillWanted, next.held.fetched)) {
        if (outcome.problem) damaged.push({ target: outcome.target, problem: outcome.problem });
        else stored++;
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return { stored, damaged };
}

/** The bytes one request asked for: [start, end) of its part, and whether it asked with a Range. */
interface FetchedSpan {
  readonly start: number;
  readonly ranged: boolean;
}

interface HeldBlocks {
  readonly run: BlockRun;
  readonly fetched: FetchedSpan;
}

/**
 * The wanted blocks a Background Fetch record holds, told by its URL and Range. Not by matching
 * it to a run of what is missing now: the page may have stored the first blocks of a file when
 * the fetch succeeded, so the blocks still wanted are a tail of what the record holds.
 */
export function heldBlocks(request: Request, wanted: readonly PartBlock[]): HeldBlocks | undefined {
  const path = new URL(request.url).pathname;
  const ofFile = wanted.filter(({ part }) => mediaPathOf(part.url) === path);
  const part = ofFile[0]?.part;
  if (!part) return undefined;
  const answer = answerRange(request.headers.get('Range'), part.bytes);
  if (answer.kind === 'unsatisfiable') return undefined;
  const [start, end] = answer.kind === 'partial' ? [answer.start, answer.end + 1] : [0, part.bytes];
  const blocks = ofFile.filter(({ block }) => block.start >= start && block.end <= end).map(({ block }) => block);
  return { run: { part, blocks }, fetched: { start, ranged: answer.kind === 'partial' } };
}

/** A record's response; 'pending' when it has not arrived within a moment and only finished ones are wanted. */
async function settled(ready: Promise<Response>, finishedOnly: boolean): Promise<Response | undefined | 'pending'> {
  const response = ready.then(
    (r) => r,
    () => undefined, // aborted or failed before it arrived
  );
  if (!finishedOnly) return response;
  return Promise.race([response, new Promise<'pending'>((resolve) => setTimeout(resolve, 50, 'pending'))]);
}

/**
 * Checks each block of a fetched run (status, length, SHA-256) and stores those that match. The
 * body is read as a Blob, which Chromium keeps on disk: each block is a slice of it, read once for
 * its hash, and the cache copies the slice without another trip through JavaScript. A body cut
 * short still gives the blocks it holds whole.
 */
export async function storeRunResponse(
  run: BlockRun,
  response: Response | undefined,
  isStillWanted: () => Promise<boolean> = async () => true,
  fetched: FetchedSpan = { start: runStart(run), ranged: runRange(run) !== undefined },
): Promise<Array<{ target: PartBlock; problem: string | undefined }>> {
  const ok = response?.status === (fetched.ranged ? 206 : 200);
  const body = ok && response ? await response.blob() : undefined;
  const outcomes: Array<{ target: PartBlock; problem: string | undefined }> = [];
  for (const block of run.blocks) {
    const target = { part: run.part, block };
    const from = block.start - fetched.start;
    if (!body || body.size < block.end - fetched.start) {
      outcomes.push({ target, problem: `${fileName(run.part.url)} was not received` });
      continue;
    }
    const slice = body.slice(from, from + blockBytes(target));
    const problem = await blockProblem(target, await slice.arrayBuffer());
    if (!problem && (await isStillWanted())) await putBlock(target, slice);
    outcomes.push({ target, problem });
  }
  return outcomes;
}
