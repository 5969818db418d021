import { createStore, delMany, get, getMany, set, setMany, values } from 'idb-keyval';
import type { Release } from '#common/catalog';
import type { ReleaseSummary } from '#common/catalog-page';
import { DATABASES } from '#common/databases';
import { releaseSummaryOf } from '#common/release-summary';
import type { StoredRelease } from '#browser/library/query-stored-releases';

/**
 * Releases stored one by one, keyed by id: the summary of every release on a library page the
 * person has seen, and the whole release once its page was opened (or a change brought it). The
 * library, artist pages and search answer from here offline; nothing ever holds the whole catalog.
 */

const store = createStore(DATABASES.releases.database, DATABASES.releases.store);

export const releaseStore = {
  /** Keeps the summaries of a page; a whole release stored before stays unless it changed. */
  async putSummaries(summaries: readonly ReleaseSummary[]): Promise<void> {
    if (summaries.length === 0) return;
    const before = await getMany<StoredRelease | undefined>(
      summaries.map((s) => s.id),
      store,
    );
    const entries = summaries.map((summary, i): [string, StoredRelease] => {
      const release = before[i]?.release;
      const same = release && JSON.stringify(releaseSummaryOf(release)) === JSON.stringify(summary);
      return [summary.id, same ? { summary, release } : { summary }];
    });
    await setMany(entries, store);
  },
  async putReleases(releases: readonly Release[]): Promise<void> {
    if (releases.length > 0)
      await setMany(
        releases.map((r) => [r.id, { summary: releaseSummaryOf(r), release: r }]),
        store,
      );
  },
  putRelease: (release: Release) => set(release.id, { summary: releaseSummaryOf(release), release }, store),
  /** Ids among these that are stored: a change to one of them is kept, others are not needed. */
  async storedIds(ids: readonly string[]): Promise<Set<string>> {
    const found = await getMany<StoredRelease | undefined>([...ids], store);
    return new Set(ids.filter((_, i) => found[i] !== undefined));
  },
  get: (id: string): Promise<StoredRelease | undefined> => get<StoredRelease>(id, store),
  release: async (id: string): Promise<Release | undefined> => (await get<StoredRelease>(id, store))?.release,
  all: (): Promise<StoredRelease[]> => values<StoredRelease>(store),
  remove: (ids: readonly string[]) => delMany([...ids], store),
};
