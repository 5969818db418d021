import { releaseFiles } from '#common/renditions';
import type pg from 'pg';
import type { Release } from '#common/catalog';
import { catalogRow, searchVector, type CatalogRow } from './catalog-row.js';
import { CHANGES_KEPT } from './sqlite-catalog-writes.js';

const COLUMNS = [
  'id',
  'source',
  'kind',
  'title',
  'title_key',
  'artist',
  'artist_id',
  'artist_key',
  'release_date',
  'summary',
  'body',
] as const;

/**
 * The catalog's write path in PostgreSQL, on the connection of one transaction (sqlite-catalog-writes.ts
 * is the same in SQLite). `begin` locks the catalog's one state row: writers from every process
 * take turns, so versions are counted without gaps or repeats. A batch of releases is a handful
 * of statements (arrays through unnest), not a few per release: an import crosses the socket
 * once per batch.
 */
export async function postgresCatalogWrites(client: pg.PoolClient) {
  const { rows } = await client.query<{ version: number }>('SELECT version FROM catalog_state FOR UPDATE');
  let version = rows[0]?.version ?? 0;
  const start = version;

  /** `added`: which of `ids` are new releases (the version they were added at is kept through later changes). */
  const log = async (ids: readonly string[], removed: boolean, added: ReadonlySet<string> = new Set()) => {
    if (ids.length === 0) return;
    const versions = ids.map(() => ++version);
    // One entry per release: its latest change replaces an older one.
    await client.query(
      `INSERT INTO catalog_changes (version, release_id, removed, added_version)
       SELECT v, id, $3, a FROM unnest($1::integer[], $2::text[], $4::integer[]) AS x(v, id, a)
       ON CONFLICT (release_id) DO UPDATE SET version = excluded.version, removed = excluded.removed,
         added_version = coalesce(excluded.added_version, catalog_changes.added_version)`,
      [versions, ids, removed, ids.map((id, n) => (added.has(id) ? versions[n] : null))],
    );
  };

  return {
    /**
     * Writes the releases not stored exactly so already; returns how many changed. `typed`: URLs
     * whose type this transaction has written already (an import names the same files many times).
     */
    async put(releases: readonly Release[], source: CatalogRow['source'], typed = new Set<string>()): Promise<number> {
      if (releases.length === 0) return 0;
      const before = await client.query<{ id: string; source: string; body: string }>(
        'SELECT id, source, body FROM catalog_releases WHERE id = ANY($1)',
        [releases.map((r) => r.id)],
      );
      const stored = new Map(before.rows.map((row) => [row.id, row]));
      const changed = releases.flatMap((release) => {
        const row = catalogRow(release, source);
        const old = stored.get(release.id);
        return old && old.body === row.body && old.source === source ? [] : [{ release, row }];
      });
      if (changed.length === 0) return 0;
      const columns = COLUMNS.map((column) => changed.map(({ row }) => row[column]));
      await client.query(
        `INSERT INTO catalog_releases (${COLUMNS.join(', ')}, search)
         SELECT ${COLUMNS.join(', ')}, search::tsvector
         FROM unnest(${COLUMNS.map((_, n) => `$${n + 1}::text[]`).join(', ')}, $${COLUMNS.length + 1}::text[])
           WITH ORDINALITY AS x(${COLUMNS.join(', ')}, search, n)
         ORDER BY n
         ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1)
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}, search = excluded.search`,
        [...columns, changed.map(({ release }) => searchVector(release))],
      );
      await typeFiles(client, changed, source, typed);
      await log(
        changed.map(({ release }) => release.id),
        false,
        new Set(changed.flatMap(({ release }) => (stored.has(release.id) ? [] : [release.id]))),
      );
      return changed.length;
    },
    /** Removes the base releases not in `kept`; returns how many. */
    async removeBaseExcept(kept: ReadonlySet<string>): Promise<number> {
      const gone = await client.query<{ seq: number; id: string }>(
        "DELETE FROM catalog_releases WHERE source = 'base' AND NOT (id = ANY($1)) RETURNING seq, id",
        [[...kept]],
      );
      await log(
        gone.rows.sort((a, b) => a.seq - b.seq).map((row) => row.id),
        true,
      );
      return gone.rows.length;
    },
    /** Stores the version and forgets changes older than the log keeps: the last step of every write. */
    async end(): Promise<void> {
      if (version !== start) await client.query('UPDATE catalog_state SET version = $1', [version]);
      const raised = await client.query<{ floor: number }>(
        'UPDATE catalog_state SET floor = greatest(floor, version - $1) RETURNING floor',
        [CHANGES_KEPT],
      );
      await client.query('DELETE FROM catalog_changes WHERE version <= $1', [raised.rows[0]?.floor ?? 0]);
    },
  };
}

/**
 * The type of every file the releases list. A published release never retypes a file (the service
 * refuses it first); the operator's base catalog is the authority on types, so its import does.
 */
async function typeFiles(
  client: pg.PoolClient,
  changed: ReadonlyArray<{ release: Release }>,
  source: CatalogRow['source'],
  typed: Set<string>,
): Promise<void> {
  const urls: string[] = [];
  const types: string[] = [];
  const owners: string[] = [];
  for (const { release } of changed) {
    for (const part of releaseFiles(release)) {
      if (typed.has(part.url)) continue;
      typed.add(part.url);
      urls.push(part.url);
      types.push(part.type);
      owners.push(release.id);
    }
  }
  if (urls.length === 0) return;
  const onConflict =
    source === 'base'
      ? 'DO UPDATE SET type = excluded.type, release_id = excluded.release_id WHERE catalog_files.type <> excluded.type'
      : 'DO NOTHING';
  await client.query(
    `INSERT INTO catalog_files (url, type, release_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (url) ${onConflict}`,
    [urls, types, owners],
  );
}
