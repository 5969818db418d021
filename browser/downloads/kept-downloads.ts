import type { Release } from '#common/catalog';
import { releaseBytes } from '#common/release-facts';
import { ledger } from '../ledger/ledger.js';
import { appState } from '../state/app-state.js';
import { storedBytes } from './stored-bytes.js';
import { fitInBudget, type BudgetAnswer, type KeptRelease } from './storage-policy.js';

/** Every finished download with what the storage policy weighs: size, pin, when last played or watched. */
export async function keptDownloads(): Promise<KeptRelease[]> {
  const [records, pinned, playedAt, watchedAt] = await Promise.all([
    ledger.all(),
    appState.pinnedReleases(),
    appState.playedAt(),
    appState.watchedAt(),
  ]);
  return records
    .filter((r) => r.state === 'done')
    .map((r) => ({
      releaseId: r.releaseId,
      title: r.release.title,
      kind: r.release.kind,
      bytes: releaseBytes(r.release),
      pinned: pinned.includes(r.releaseId),
      downloadedAt: r.updatedAt,
      lastPlayedAt: playedAt[r.releaseId],
      watchedAt: watchedAt[r.releaseId],
    }));
}

/** Whether `release` fits in the person's budget beside every other download asked for; `budget` 0 when there is none. */
export async function budgetFor(release: Release): Promise<BudgetAnswer & { readonly budget: number }> {
  const { budgetBytes: budget } = await appState.storagePolicy();
  if (!budget) return { fits: true, budget };
  const others = (await ledger.all()).filter((r) => r.releaseId !== release.id);
  const used = storedBytes(others, { unfinished: true });
  const kept = (await keptDownloads()).filter((r) => r.releaseId !== release.id);
  return { ...fitInBudget(kept, used, releaseBytes(release), budget), budget };
}
