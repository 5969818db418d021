import { describe, expect, it } from 'vitest';
import { dueForCleanup, fitInBudget, removalOrder, type KeptRelease } from './storage-policy.js';

const DAY = 86_400_000;
const NOW = 100 * DAY;

const kept = (id: string, more: Partial<KeptRelease> = {}): KeptRelease => ({
  releaseId: id,
  title: id,
  kind: 'album',
  bytes: 100,
  pinned: false,
  downloadedAt: NOW - 50 * DAY,
  ...more,
});

describe('cleanup', () => {
  const policy = { removeWatchedFilms: true, unplayedAlbumDays: 30 };

  it('removes a film watched to the end, unless it is pinned or was started again since', () => {
    const watched = kept('film', { kind: 'movie', lastPlayedAt: NOW - 2 * DAY, watchedAt: NOW - DAY });
    const pinned = kept('pinned film', { kind: 'movie', pinned: true, lastPlayedAt: NOW - 2 * DAY, watchedAt: NOW - DAY });
    const againSince = kept('again', { kind: 'movie', lastPlayedAt: NOW - DAY / 2, watchedAt: NOW - DAY });
    const half = kept('half watched', { kind: 'movie', lastPlayedAt: NOW - DAY });
    expect(dueForCleanup([watched, pinned, againSince, half], policy, NOW).map((r) => r.releaseId)).toEqual(['film']);
    expect(dueForCleanup([watched], { ...policy, removeWatchedFilms: false }, NOW)).toEqual([]);
  });

  it('removes albums not played for the chosen days, counting from the download when never played', () => {
    const stale = kept('stale', { lastPlayedAt: NOW - 31 * DAY });
    const fresh = kept('fresh', { lastPlayedAt: NOW - 29 * DAY });
    const neverPlayedOld = kept('never played, old');
    const neverPlayedNew = kept('never played, new', { downloadedAt: NOW - DAY });
    const pinned = kept('pinned', { pinned: true, lastPlayedAt: NOW - 90 * DAY });
    const due = dueForCleanup([stale, fresh, neverPlayedOld, neverPlayedNew, pinned], policy, NOW);
    expect(due.map((r) => r.releaseId)).toEqual(['stale', 'never played, old']);
    expect(dueForCleanup([stale], { ...policy, unplayedAlbumDays: 0 }, NOW)).toEqual([]);
  });

  it('never removes a film for not being played (only for being watched)', () => {
    expect(dueForCleanup([kept('old film', { kind: 'movie' })], policy, NOW)).toEqual([]);
  });
});

describe('budget', () => {
  it('takes watched films first, then the least recently used, never the pinned', () => {
    const order = removalOrder([
      kept('recent', { lastPlayedAt: NOW - DAY }),
      kept('pinned', { pinned: true, downloadedAt: 0 }),
      kept('old', { lastPlayedAt: NOW - 40 * DAY }),
      kept('watched', { kind: 'movie', lastPlayedAt: NOW - DAY / 4, watchedAt: NOW - DAY / 8 }),
    ]);
    expect(order.map((r) => r.releaseId)).toEqual(['watched', 'old', 'recent']);
  });

  it('fits when there is room, else names the fewest downloads whose removal makes it', () => {
    const all = [kept('a', { lastPlayedAt: 1 }), kept('b', { lastPlayedAt: 2 }), kept('c', { lastPlayedAt: 3 })];
    expect(fitInBudget(all, 300, 100, 400)).toEqual({ fits: true });
    const answer = fitInBudget(all, 300, 150, 400);
    expect(answer.fits).toBe(false);
    expect(answer.fits === false && answer.over).toBe(50);
    expect(answer.fits === false && answer.remove?.map((r) => r.releaseId)).toEqual(['a']);
    const two = fitInBudget(all, 300, 250, 400);
    expect(two.fits === false && two.remove?.map((r) => r.releaseId)).toEqual(['a', 'b']);
  });

  it('says so when even removing every download that may go would not make room', () => {
    const answer = fitInBudget([kept('a'), kept('p', { pinned: true })], 200, 500, 400);
    expect(answer).toEqual({ fits: false, over: 300, remove: undefined });
  });
});
