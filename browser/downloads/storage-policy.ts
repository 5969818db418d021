/**
 * What may go to make room, and what cleanup removes: pure functions over what is downloaded,
 * unit-tested, used by the page (the budget check before a download, cleanup when the app opens
 * and when a film ends). Pinned releases never go, nor anything not finished downloading.
 */

/** One finished download as the policy sees it. */
export interface KeptRelease {
  readonly releaseId: string;
  readonly title: string;
  readonly kind: 'album' | 'movie';
  readonly bytes: number;
  readonly pinned: boolean;
  /** When it finished downloading. */
  readonly downloadedAt: number;
  /** When it last started playing on this device, if ever. */
  readonly lastPlayedAt?: number;
  /** When a film was last watched to its end. */
  readonly watchedAt?: number;
}

export interface CleanupPolicy {
  /** Remove a film once it has been watched to the end. */
  readonly removeWatchedFilms: boolean;
  /** Remove an album not played for this many days (counted from its download when never played); 0: never. */
  readonly unplayedAlbumDays: number;
}

/** Settings › Budget and cleanup: the cleanup and a budget for the downloads. */
export interface StoragePolicy extends CleanupPolicy {
  /** Bytes the downloads may take together; 0: no budget. */
  readonly budgetBytes: number;
}

export const NO_STORAGE_POLICY: StoragePolicy = { removeWatchedFilms: false, unplayedAlbumDays: 0, budgetBytes: 0 };

const DAY_MS = 86_400_000;

/** When it was last of use: played, or else downloaded. */
const lastUsed = (r: KeptRelease): number => Math.max(r.lastPlayedAt ?? 0, r.downloadedAt);

/** A film watched to the end since it was last started (a film started again is being watched again). */
const watchedThrough = (r: KeptRelease): boolean =>
  r.kind === 'movie' && r.watchedAt !== undefined && r.watchedAt >= (r.lastPlayedAt ?? 0);

/** What cleanup removes now under `policy`: watched films, albums unplayed for too long; never pinned ones. */
export function dueForCleanup(kept: readonly KeptRelease[], policy: CleanupPolicy, now: number): KeptRelease[] {
  return kept.filter((r) => {
    if (r.pinned) return false;
    if (policy.removeWatchedFilms && watchedThrough(r)) return true;
    return r.kind === 'album' && policy.unplayedAlbumDays > 0 && now - lastUsed(r) >= policy.unplayedAlbumDays * DAY_MS;
  });
}

/**
 * The order in which downloads would go to make room: films already watched through first, then
 * the least recently used; pinned ones never.
 */
export function removalOrder(kept: readonly KeptRelease[]): KeptRelease[] {
  return kept
    .filter((r) => !r.pinned)
    .sort((a, b) => Number(watchedThrough(b)) - Number(watchedThrough(a)) || lastUsed(a) - lastUsed(b));
}

export type BudgetAnswer =
  | { readonly fits: true }
  /** Removing `remove` (in removal order) would make room; `over` is by how much it does not fit now. */
  | { readonly fits: false; readonly over: number; readonly remove: readonly KeptRelease[] }
  /** Even removing every download that may go would not make room. */
  | { readonly fits: false; readonly over: number; readonly remove: undefined };

/**
 * Whether `bytes` more fit in `budget` beside what is already used, and if not, the fewest
 * downloads (in removal order) whose removal makes room.
 */
export function fitInBudget(kept: readonly KeptRelease[], used: number, bytes: number, budget: number): BudgetAnswer {
  const over = used + bytes - budget;
  if (over <= 0) return { fits: true };
  const remove: KeptRelease[] = [];
  let freed = 0;
  for (const release of removalOrder(kept)) {
    if (freed >= over) break;
    remove.push(release);
    freed += release.bytes;
  }
  return { fits: false, over, remove: freed >= over ? remove : undefined };
}
