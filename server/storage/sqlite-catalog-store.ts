import type { Database } from 'better-sqlite3';
import { validateRelease, type Release } from '#common/catalog';
import type { ArtistSummary } from '#common/catalog-page';
import type { CatalogChange, CatalogStore } from './catalog-store.js';
import { ReleaseExistsError } from './repository.js';
import { catalogWrites } from './sqlite-catalog-writes.js';
import { sqliteReleaseList } from './sqlite-release-list.js';

/** The catalog in SQLite (tables in migrations.ts, schema 4). */
export function sqliteCatalogStore(db: Database, createDelivery: (releaseId: string) => string): CatalogStore {
  const writes = catalogWrites(db);
  const state = db.prepare<[], { version: number; floor: number; source_sha256: string | null }>(
    'SELECT version, floor, source_sha256 FROM catalog_state',
  );
  const setSha256 = db.prepare<[string], unknown>('UPDATE catalog_state SET source_sha256 = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM catalog_releases');
  const body = db.prepare<[string], { body: string }>('SELECT body FROM catalog_releases WHERE id = ?');
  const baseIds = db.prepare<[], { id: string }>("SELECT id FROM catalog_releases WHERE source = 'base'");
  const fileType = db.prepare<[string], { type: string; releaseId: string }>(
    'SELECT type, release_id AS releaseId FROM catalog_files WHERE url = ?',
  );
  const artists = db.prepare<[string, string, number], ArtistSummary & { sortKey: string }>(
    `SELECT id, name, releases, sort_key AS sortKey FROM catalog_artists
     WHERE (sort_key, id) > (?, ?) ORDER BY sort_key, id LIMIT ?`,
  );
  const artist = db.prepare<[string], ArtistSummary>('SELECT id, name, releases FROM catalog_artists WHERE id = ?');
  const changes = db.prepare<[number, number], { version: number; id: string; body: string | null; addedVersion: number | null }>(
    `SELECT c.version, c.release_id AS id, r.body, c.added_version AS addedVersion FROM catalog_changes c
     LEFT JOIN catalog_releases r ON r.id = c.release_id AND c.removed = 0
     WHERE c.version > ? ORDER BY c.version LIMIT ?`,
  );
  const newest = db.prepare<[number], { body: string }>(
    'SELECT body FROM (SELECT seq, body FROM catalog_releases ORDER BY seq DESC LIMIT ?) ORDER BY seq',
  );
  const listReleases = sqliteReleaseList(db);
  const publishOne = db.transaction((release: Release, alert: boolean) => {
    if (body.get(release.id)) throw new ReleaseExistsError(release.id);
    writes.put(release, 'published');
    writes.endWrite();
    return alert ? createDelivery(release.id) : '';
  });
  const publish = (release: Release, alert = true) => {
    try {
      return publishOne(release, alert);
    } catch (error) {
      writes.forgetVersion();
      throw error;
    }
  };

  const changesSince = db.transaction((since: number, limit: number) => {
    const { version, floor } = state.get() as { version: number; floor: number };
    const list: CatalogChange[] = changes.all(since, limit).map((row) => ({
      version: row.version,
      id: row.id,
      release: parseStored(row.body ?? undefined),
      addedVersion: row.addedVersion ?? undefined,
    }));
    return { version, floor, changes: list };
  });

  moveLegacyReleases(db, publish);

  return {
    version: async () => (state.get() as { version: number }).version,
    count: async () => (count.get() as { n: number }).n,
    has: async (id) => body.get(id) !== undefined,
    get: async (id) => parseStored(body.get(id)?.body),
    publish: async (release) => ({ deliveryId: publish(release) }),
    baseSha256: async () => state.get()?.source_sha256 ?? undefined,
    async beginImport() {
      // One transaction from the first release to the hash: readers never see half a catalog,
      // and a file that turns out invalid halfway leaves the catalog as it was.
      db.exec('BEGIN IMMEDIATE');
      const seen = new Set<string>();
      const typed = new Set<string>();
      return {
        async put(releases) {
          let changed = 0;
          for (const release of releases) {
            seen.add(release.id);
            if (writes.put(release, 'base', typed)) changed++;
          }
          return changed;
        },
        async finish(sha256) {
          const gone = baseIds.all().filter((row) => !seen.has(row.id));
          for (const row of gone) writes.remove(row.id);
          writes.endWrite();
          setSha256.run(sha256);
          db.exec('COMMIT');
          return { removed: gone.length };
        },
        async abort() {
          writes.forgetVersion();
          if (db.inTransaction) db.exec('ROLLBACK');
        },
      };
    },
    fileType: async (url) => fileType.get(url),
    listReleases: async (query) => listReleases(query),
    async listArtists(after, limit) {
      const rows = artists.all(after?.sortKey ?? '', after?.id ?? '', limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        artists: page.map(({ id, name, releases }) => ({ id, name, releases })),
        next: rows.length > limit && last ? { sortKey: last.sortKey, id: last.id } : undefined,
      };
    },
    artist: async (id) => artist.get(id),
    changesSince: async (since, limit) => changesSince(since, limit),
    newestBodies: async (max) => newest.all(max).map((row) => row.body),
  };
}

// Rows are re-validated: a release stored by an older schema must not reach a client unchecked.
export function parseStored(json: string | undefined): Release | undefined {
  if (json === undefined) return undefined;
  const result = validateRelease(JSON.parse(json));
  return result.ok ? result.value : undefined;
}

/**
 * Releases published before the catalog had its own tables (schema 3 kept them whole in
 * `releases`) join it once, as published releases, and leave the old table empty.
 */
function moveLegacyReleases(db: Database, publish: (release: Release, alert: boolean) => string): void {
  const legacy = db.prepare<[], { id: string; body: string }>('SELECT id, body FROM releases ORDER BY published_at, id').all();
  if (legacy.length === 0) return;
  db.transaction(() => {
    for (const row of legacy) {
      const release = parseStored(row.body);
      if (!release) continue;
      try {
        publish(release, false); // alerted when it was published
      } catch (error) {
        if (!(error instanceof ReleaseExistsError)) throw error;
      }
    }
    db.prepare('DELETE FROM releases').run();
  })();
}
