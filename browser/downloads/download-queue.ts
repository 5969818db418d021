import type { Release } from '#common/catalog';
import { DOWNLOAD_FAILURES, newDownloadRecord, type DownloadEngine, type DownloadRecord } from '#common/download-ledger';
import { DEFAULT_QUALITY, releaseAt, type Quality } from '#common/renditions';
import { ledger } from '../ledger/ledger.js';
import { deleteReleaseBlocks } from '../media-cache/block-store.js';
import { appState } from '../state/app-state.js';
import { browserConnection, connectionAllows } from './connection-cost.js';
import { serverReachable } from './server-reachable.js';

/** Who pumps the queue: the engines it can run, and how it starts one it promoted. */
export interface QueueRunner {
  readonly engines: readonly DownloadEngine[];
  start(record: DownloadRecord): Promise<void>;
}

/**
 * Asks for a release's download: one ledger record, queued, carrying the release as validated now
 * at one quality (the files of that quality only: common/renditions.ts). Without a quality, the
 * person's default for its kind; "ask each time" where nobody can be asked (a push, a follow) is
 * Normal. A failed download asked for again keeps the blocks it stored unless the release (or the
 * quality) has changed since. Returns false when the release was already queued, running, paused or done.
 */
export async function requestDownload(catalogRelease: Release, engine: DownloadEngine, quality?: Quality): Promise<boolean> {
  const release = releaseAt(catalogRelease, quality ?? (await defaultQuality(catalogRelease)));
  const existing = await ledger.get(release.id);
  if (existing?.state === 'failed' && JSON.stringify(existing.release) !== JSON.stringify(release)) {
    await deleteReleaseBlocks(existing.release);
  }
  const record = newDownloadRecord(release, engine);
  // A failed quality change retried still keeps the copy it replaces.
  return ledger.request(
    existing?.state === 'failed' && existing.replacing ? { ...record, replacing: existing.replacing } : record,
  );
}

/** Change quality: the finished download is replaced by one at `quality`, the old copy kept until it is in. */
export async function requestQualityChange(catalogRelease: Release, engine: DownloadEngine, quality: Quality): Promise<boolean> {
  return ledger.replace(newDownloadRecord(releaseAt(catalogRelease, quality), engine));
}

/** The quality a download of this release takes when the person has not just chosen one. */
export async function defaultQuality(release: Release): Promise<Quality> {
  const qualities = await appState.qualities();
  const choice = release.kind === 'movie' ? qualities.film : qualities.music;
  return choice === 'ask' ? DEFAULT_QUALITY : choice;
}

/**
 * Starts queued downloads up to the person's limit. With the server out of reach nothing starts:
 * the queued ones are marked "Waiting for network", and the caller tries again when it is back.
 * Likewise on a metered connection when the person asked for unmetered ones only ("Waiting for
 * Wi-Fi"); downloads already running go on (the person saw them start).
 */
export async function pumpDownloads(runner: QueueRunner): Promise<void> {
  if (!(await ledger.all()).some((r) => r.state === 'queued' && runner.engines.includes(r.engine))) return;
  if (!(await serverReachable())) {
    await ledger.hold('network');
    return;
  }
  if (!connectionAllows(await appState.unmeteredOnly(), browserConnection())) {
    await ledger.hold('unmetered');
    return;
  }
  for (const record of await ledger.promote(await appState.maxDownloads(), runner.engines)) {
    await runner
      .start(record)
      .catch((error: unknown) => ledger.transition(record.releaseId, 'failed', { error: startFailure(error) }));
  }
}

/** Why a download could not start, in words. */
export function startFailure(error: unknown): string {
  return (error as { name?: string }).name === 'QuotaExceededError'
    ? (DOWNLOAD_FAILURES['quota-exceeded'] as string)
    : `The download could not start: ${(error as Error).message}`;
}
