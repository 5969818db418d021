import { blockRange } from '#common/download-blocks';
import { downloadId, type DownloadRecord } from '#common/download-ledger';
import { blockBytes, putBlock, type PartBlock } from '../media-cache/block-store.js';
import { blockProblem, fileName } from './verify-block.js';

/** True where the browser has Background Fetch (Chromium); elsewhere the fallback downloader runs. */
export function hasBackgroundFetch(registration: ServiceWorkerRegistration): boolean {
  return 'BackgroundFetchManager' in globalThis && registration.backgroundFetch !== undefined;
}

/** One request per missing block: the whole file when it is one block, else a Range of it. */
function requestFor({ part, block }: PartBlock): RequestInfo {
  const range = blockRange(part, block);
  return range ? new Request(part.url, { headers: { Range: range } }) : part.url;
}

/** Which block a Background Fetch record holds, told by its URL and Range (never by its position). */
const recordKey = (path: string, range: string | null): string => `${path} ${range ?? ''}`;

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
      return await manager.fetch(downloadId(record.releaseId), missing.map(requestFor), options);
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
 * and leave the rest; in the SW's success/fail/abort events every record has settled. Two at a time:
 * one is read and hashed while the other is written.
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
  const byKey = new Map(
    wanted.map((target) => [recordKey(target.part.url, blockRange(target.part, target.block) ?? null), target]),
  );
  const records = (await fetch.matchAll()).filter((r) =>
    byKey.has(recordKey(new URL(r.request.url).pathname, r.request.headers.get('Range'))),
  );
  const damaged: Array<{ target: PartBlock; problem: string }> = [];
  let stored = 0;
  const queue = [...records];
  const worker = async () => {
    for (let record = queue.shift(); record; record = queue.shift()) {
      const target = byKey.get(recordKey(new URL(record.request.url).pathname, record.request.headers.get('Range'))) as PartBlock;
      const response = await settled(record.responseReady, finishedOnly);
      if (response === 'pending') continue;
      const problem = await storeBlockResponse(target, response, isStillWanted);
      if (problem) damaged.push({ target, problem });
      else stored++;
    }
  };
  await Promise.all([worker(), worker()]);
  return { stored, damaged };
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
 * Checks one fetched block (status, length, SHA-256) and stores it. The body is read as a Blob,
 * which Chromium keeps on disk: the hash reads it once, and the cache copies it without another
 * trip through JavaScript. Returns the problem, if any.
 */
export async function storeBlockResponse(
  target: PartBlock,
  response: Response | undefined,
  isStillWanted: () => Promise<boolean> = async () => true,
): Promise<string | undefined> {
  const ranged = blockRange(target.part, target.block) !== undefined;
  if (!response || response.status !== (ranged ? 206 : 200)) {
    return `${fileName(target.part.url)} was not received`;
  }
  const body = await response.blob();
  const problem = await blockProblem(target, await body.arrayBuffer());
  if (problem) return problem;
  if (await isStillWanted()) await putBlock(target, body);
  return undefined;
}
