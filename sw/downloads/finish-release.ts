import type { Part, Release } from '#common/catalog';
import { notifyPages } from '../lifecycle/notify-pages.js';
import { ledger } from '#browser/ledger/ledger';
import { deleteParts, missingParts, putPart } from '#browser/media-cache/media-cache';
import { verifyPart } from './verify-part.js';

/**
 * Checks and stores every part of a finished download that is not stored yet, then marks the
 * release available offline. A part whose bytes do not match is fetched once more; if it still
 * does not match, the release fails with the reason and nothing of it is left in the cache.
 */
export async function finishRelease(release: Release, bodyOf: (part: Part) => Promise<Blob | undefined>): Promise<boolean> {
  await ledger.patch(release.id, { state: 'verifying' });
  await notifyPages({ type: 'download-changed', releaseId: release.id });
  // Two parts at a time: one hashes while the other is copied into the cache (2 cores here).
  const queue = await missingParts(release.parts);
  let failure: string | undefined;
  const worker = async () => {
    for (let part = queue.shift(); part && !failure; part = queue.shift()) {
      const problem = await storePart(part, await bodyOf(part));
      if (problem) failure = await storePart(part, await refetch(part));
    }
  };
  await Promise.all([worker(), worker()]);
  if (failure) return failRelease(release, failure);
  const missing = await missingParts(release.parts);
  if (missing.length > 0) return failRelease(release, `${missing.length} files are missing from storage`);
  await ledger.patch(release.id, {
    state: 'done',
    bytesReceived: release.parts.reduce((n, p) => n + p.bytes, 0),
    error: undefined,
  });
  await notifyPages({ type: 'download-changed', releaseId: release.id });
  return true;
}

/** Verifies one part and stores it; returns the problem, if any. */
export async function storePart(part: Part, body: Blob | undefined): Promise<string | undefined> {
  if (!body) return `${part.url} was not received`;
  const problem = await verifyPart(body, part);
  if (!problem) await putPart(part, body);
  return problem;
}

export async function failRelease(release: Release, reason: string): Promise<false> {
  await deleteParts(release.parts.map((p) => p.url));
  await ledger.patch(release.id, { state: 'failed', error: reason });
  await notifyPages({ type: 'download-changed', releaseId: release.id });
  return false;
}

async function refetch(part: Part): Promise<Blob | undefined> {
  try {
    const response = await fetch(part.url, { cache: 'no-store' });
    return response.status === 200 ? await response.blob() : undefined;
  } catch {
    return undefined;
  }
}
