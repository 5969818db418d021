import { releaseFiles } from '#common/renditions';
import type { Database } from 'better-sqlite3';
import type { Release } from '#common/catalog';
import { catalogRow, searchText, type CatalogRow } from './catalog-row.js';

/**
 * Changes the log keeps: a client whose version is older than the latest minus this pages the
 * library again instead of receiving a diff longer than the library's first pages.
 */
export const CHANGES_KEPT = 10_000;

/**
 * The catalog's write path. Each method runs inside the caller's transaction: a release row, its
 * search entry, its files' types and one change-log entry are written together, and nothing is
 * rebuilt or re-serialised beyond the release itself.
 */
export function catalogWrites(db: Database) {
  const existing = db.prepare<[string], { seq: number; source: string; body: string }>(
    'SELECT seq, source, body FROM catalog_releases WHERE id = ?',
  );
  const upsert = db.prepare<CatalogRow, { seq: number }>(
    `INSERT INTO catalog_releases (id, source, kind, title, title_key, artist, artist_id, artist_key, release_date, summary, body)
     VALUES (@id, @source, @kind, @title, @title_key, @artist, @artist_id, @artist_key, @release_date, @summary, @body)
     ON CONFLICT (id) DO UPDATE SET source = excluded.source, kind = excluded.kind, title = excluded.title,
       title_key = excluded.title_key, artist = excluded.artist, artist_id = excluded.artist_id,
       artist_key = excluded.artist_key, release_date = excluded.release_date, summary = excluded.summary,
       body = excluded.body
     RETURNING seq`,
  );
  const remove = db.prepare<[string], { seq: number }>('DELETE FROM catalog_releases WHERE id = ? RETURNING seq');
  const unsearch = db.prepare<[number], unknown>('DELETE FROM catalog_search WHERE rowid = ?');
  const search = db.prepare<[number, string, string, string], unknown>(
    'INSERT INTO catalog_search (rowid, title, artist, tracks) VALUES (?, ?, ?, ?)',
  );
  // A published release never retypes a file (the service refuses it first); the operator's base
  // catalog is the authority on types, so its import does.
  const keepType = db.prepare<[string, string, string], unknown>(
    'INSERT INTO catalog_files (url, type, release_id) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING',
  );
  const setType = db.prepare<[string, string, string], unknown>(
    `INSERT INTO catalog_files (url, type, release_id) VALUES (?, ?, ?)
     ON CONFLICT (url) DO UPDATE SET type = excluded.type, release_id = excluded.release_id WHERE type <> excluded.type`,
  );
  const version = db.prepare<[], { version: number }>('SELECT version FROM catalog_state');
  const setVersion = db.prepare<[number], unknown>('UPDATE catalog_state SET version = ?');
  // The log keeps each release's latest change (release_id is UNIQUE), and the version it was
  // added at: set by an insert, kept by a change or a removal.
  const log = db.prepare<[number, string, number, number | null], unknown>(
    `INSERT INTO catalog_changes (version, release_id, removed, added_version) VALUES (?, ?, ?, ?)
     ON CONFLICT (release_id) DO UPDATE SET version = excluded.version, removed = excluded.removed,
       added_version = coalesce(excluded.added_version, added_version)`,
  );
  const raiseFloor = db.prepare<[number], { floor: number }>(
    'UPDATE catalog_state SET floor = max(floor, version - ?) RETURNING floor',
  );
  const trim = db.prepare<[number], unknown>('DELETE FROM catalog_changes WHERE version <= ?');

  // The version is counted here and stored once per transaction (in `endWrite`), not updated once
  // per change: an import of 100,000 releases is one transaction of 100,000 changes.
  let latest: number | undefined;
  const logChange = (id: string, change: 'added' | 'changed' | 'removed') => {
    latest = (latest ?? (version.get() as { version: number }).version) + 1;
    log.run(latest, id, change === 'removed' ? 1 : 0, change === 'added' ? latest : null);
  };

  return {
    /**
     * Writes the release unless it is stored exactly so already; true when something changed.
     * `typed`: URLs whose type this transaction has written already (an import names the same
     * files many times).
     */
    put(release: Release, source: CatalogRow['source'], typed?: Set<string>): boolean {
      const row = catalogRow(release, source);
      const before = existing.get(release.id);
      if (before && before.body === row.body && before.source === source) return false;
      const { seq } = upsert.get(row) as { seq: number };
      if (before) unsearch.run(seq);
      const text = searchText(release);
      search.run(seq, text.title, text.artist, text.tracks);
      const typeFile = source === 'base' ? setType : keepType;
      for (const part of releaseFiles(release)) {
        if (typed?.has(part.url)) continue;
        typeFile.run(part.url, part.type, release.id);
        typed?.add(part.url);
      }
      logChange(release.id, before ? 'changed' : 'added');
      return true;
    },
    remove(id: string): boolean {
      const gone = remove.get(id);
      if (!gone) return false;
      unsearch.run(gone.seq);
      logChange(id, 'removed');
      return true;
    },
    /**
     * Stores the version and forgets changes older than the log keeps: the last step of every
     * write transaction (a transaction rolled back must call `forgetVersion` instead).
     */
    endWrite(): void {
      if (latest !== undefined) setVersion.run(latest);
      latest = undefined;
      const { floor } = raiseFloor.get(CHANGES_KEPT) as { floor: number };
      trim.run(floor);
    },
    forgetVersion(): void {
      latest = undefined;
    },
  };
}
