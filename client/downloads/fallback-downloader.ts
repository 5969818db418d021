import type { Part, Release } from '#common/catalog';
import { missingParts } from '#browser/media-cache/media-cache';
import { askServiceWorker } from '../sw-bridge.js';
import { fetchPart } from './fetch-part.js';

const CONCURRENCY = 3;

/**
 * Downloads a release without Background Fetch (Firefox, Safari): the page fetches the parts
 * (a few at a time, each resumable), the SW checks and stores each one. Parts already stored are
 * skipped, so running it again after a reload resumes the download.
 */
export async function runFallbackDownload(
  release: Release,
  signal: AbortSignal,
  onProgress: (bytes: number) => void,
): Promise<void> {
  const pending = await missingParts(release.parts);
  let received = release.parts.filter((p) => !pending.includes(p)).reduce((n, p) => n + p.bytes, 0);
  onProgress(received);
  const queue = [...pending];
  // The first failure stops the other fetches, and the download settles only once none of them
  // can still store a part: a failed download's clean-up must not race a late write.
  const stop = new AbortController();
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  const worker = async () => {
    for (let part = queue.shift(); part; part = queue.shift()) {
      await downloadPart(release.id, part, stop.signal, (delta) => onProgress((received += delta)));
    }
  };
  // The first failure is the reason: the others are only the AbortErrors it caused.
  let firstFailure: { reason: unknown } | undefined;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, () =>
      worker().catch((reason: unknown) => {
        firstFailure ??= { reason };
        stop.abort();
      }),
    ),
  );
  if (firstFailure) throw firstFailure.reason;
  const done = await askServiceWorker({ type: 'complete-download', releaseId: release.id });
  if (!done.ok) throw new Error(done.error);
}

/** One part: fetched, handed to the SW; a part whose bytes do not match is fetched once more. */
async function downloadPart(releaseId: string, part: Part, signal: AbortSignal, onBytes: (delta: number) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const body = await fetchPart(part, signal, onBytes);
    const reply = await askServiceWorker({ type: 'store-part', releaseId, url: part.url, body });
    if (reply.ok) return;
    onBytes(-body.size);
    if (reply.storageFull) throw new DOMException(reply.error ?? 'The disk is full.', 'QuotaExceededError');
    if (attempt >= 2) throw new Error(reply.error ?? 'A file could not be stored.');
  }
}
