import { BACKGROUND_FETCH_FAILURES } from '#common/download-ledger';
import type { PageToSw, SwReply } from '#common/sw-messages';
import { notifyPages } from '../lifecycle/notify-pages.js';
import { ledger } from '#browser/ledger/ledger';
import { releaseFromCachedCatalog } from './cached-catalog.js';
import { deleteParts } from '#browser/media-cache/media-cache';
import { failRelease, finishRelease, storePart } from './finish-release.js';

type DownloadMessage = Extract<PageToSw, { type: 'store-part' | 'complete-download' | 'discard-download' | 'fail-download' }>;

/**
 * The SW half of the fallback downloader (and of cancel/remove): the page fetches, the SW checks
 * and stores, so the cache and the ledger have one writer for "done".
 */
export async function handleDownloadMessage(message: DownloadMessage): Promise<SwReply> {
  const release = await releaseFromCachedCatalog(message.releaseId);
  switch (message.type) {
    case 'store-part': {
      const part = release?.parts.find((p) => p.url === message.url);
      if (!release || !part) return { ok: false, error: 'This file is not part of the release in the catalog.' };
      if (!(message.body instanceof Blob)) return { ok: false, error: 'No data was received for this file.' };
      try {
        const problem = await storePart(part, message.body);
        return problem ? { ok: false, error: problem } : { ok: true };
      } catch (error) {
        if ((error as Error).name !== 'QuotaExceededError') throw error;
        return { ok: false, error: BACKGROUND_FETCH_FAILURES['quota-exceeded'], storageFull: true };
      }
    }
    case 'complete-download': {
      if (!release) return { ok: false, error: 'The release is no longer in the catalog.' };
      // Every part is already stored and checked: finishing re-checks that all are present.
      const ok = await finishRelease(release, async () => undefined).catch(async (error: Error) =>
        failRelease(release, error.message),
      );
      const record = await ledger.get(release.id);
      return ok ? { ok: true } : { ok: false, error: record?.error ?? 'The download could not be completed.' };
    }
    case 'fail-download': {
      if (release) await failRelease(release, message.reason);
      return { ok: true };
    }
    case 'discard-download': {
      if (release) await deleteParts(release.parts.map((p) => p.url));
      await ledger.remove(message.releaseId);
      await notifyPages({ type: 'download-changed', releaseId: message.releaseId });
      return { ok: true };
    }
  }
}
