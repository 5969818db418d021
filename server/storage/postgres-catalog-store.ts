import type pg from 'pg';
import type { ArtistSummary } from '#common/catalog-page';
import type { CatalogStore } from './catalog-store.js';
import { postgresCatalogWrites } from './postgres-catalog-writes.js';
import { postgresReleaseList } from './postgres-release-list.js';
import { inTransaction } from './postgres-transaction.js';
import { ReleaseExistsError } from './repository.js';
import { parseStored } from './sqlite-catalog-store.js';

/** The catalog in PostgreSQL (tables in postgres-migrations.ts), behaving as sqlite-catalog-store.ts. */
export function postgresCatalogStore(
  pool: pg.Pool,
  createDelivery: (client: pg.PoolClient, releaseId: string) => Promise<string>,
): CatalogStore {
  const one = async <Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await pool.query<Row>(sql, params)).rows[0];
  const state = () => one<{ version: number; floor: number; source_sha256: string | null }>('SELECT * FROM catalog_state');

  return {
    version: async () => (await state())?.version ?? 0,
    count: async () => (await one<{ n: number }>('SELECT count(*)::integer AS n FROM catalog_releases'))?.n ?? 0,
    has: async (id) => (await one('SELECT 1 FROM catalog_releases WHERE id = $1', [id])) !== undefined,
    get: async (id) => parseStored((await one<{ body: string }>('SELECT body FROM catalog_releases WHERE id = $1', [id]))?.body),
    publish: (release) =>
      inTransaction(pool, async (client) => {
        const writes = await postgresCatalogWrites(client);
        const known = await client.query('SELECT 1 FROM catalog_releases WHERE id = $1', [release.id]);
        if (known.rows.length > 0) throw new ReleaseExistsError(release.id);
        await writes.put([release], 'published');
        await writes.end();
        return { deliveryId: await createDelivery(client, release.id) };
      }),
    baseSha256: async () => (await state())?.source_sha256 ?? undefined,
    async beginImport() {
      // One transaction from the first release to the hash, on one connection: readers never see
      // half a catalog, and a file that turns out invalid halfway leaves the catalog as it was.
      const client = await pool.connect();
      const seen = new Set<string>();
      const typed = new Set<string>();
      let open = true;
      const close = async (statement: 'COMMIT' | 'ROLLBACK') => {
        if (!open) return;
        open = false;
        try {
          await client.query(statement);
        } finally {
          client.release();
        }
      };
      await client.query('BEGIN');
      const writes = await postgresCatalogWrites(client).catch(async (error: unknown) => {
        await close('ROLLBACK');
        throw error;
      });
      return {
        async put(releases) {
          for (const release of releases) seen.add(release.id);
          return writes.put(releases, 'base', typed);
        },
        async finish(sha256) {
          const removed = await writes.removeBaseExcept(seen);
          await writes.end();
          await client.query('UPDATE catalog_state SET source_sha256 = $1', [sha256]);
          await close('COMMIT');
          return { removed };
        },
        abort: () => close('ROLLBACK'),
      };
    },
    fileType: (url) =>
      one<{ type: string; releaseId: string }>('SELECT type, release_id AS "releaseId" FROM catalog_files WHERE url = $1', [url]),
    listReleases: postgresReleaseList(pool),
    async listArtists(after, limit) {
      const { rows } = await pool.query<ArtistSummary & { sortKey: string }>(
        `SELECT id, name, releases, sort_key AS "sortKey" FROM catalog_artists
         WHERE (sort_key, id) > ($1, $2) ORDER BY sort_key, id LIMIT $3`,
        [after?.sortKey ?? '', after?.id ?? '', limit + 1],
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        artists: page.map(({ id, name, releases }) => ({ id, name, releases })),
        next: rows.length > limit && last ? { sortKey: last.sortKey, id: last.id } : undefined,
      };
    },
    artist: (id) => one<ArtistSummary>('SELECT id, name, releases FROM catalog_artists WHERE id = $1', [id]),
    changesSince: (since, limit) =>
      // One snapshot for the version and the changes: a write between two reads cannot split them.
      inTransaction(
        pool,
        async (client) => {
          const { version, floor } = (await client.query<{ version: number; floor: number }>('SELECT * FROM catalog_state'))
            .rows[0] ?? { version: 0, floor: 0 };
          const { rows } = await client.query<{ version: number; id: string; body: string | null; added_version: number | null }>(
            `SELECT c.version, c.release_id AS id, r.body, c.added_version FROM catalog_changes c
             LEFT JOIN catalog_releases r ON r.id = c.release_id AND NOT c.removed
             WHERE c.version > $1 ORDER BY c.version LIMIT $2`,
            [since, limit],
          );
          const changes = rows.map((row) => ({
            version: row.version,
            id: row.id,
            release: parseStored(row.body ?? undefined),
            addedVersion: row.added_version ?? undefined,
          }));
          return { version, floor, changes };
        },
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      ),
    async newestBodies(max) {
      const { rows } = await pool.query<{ body: string }>(
        'SELECT body FROM (SELECT seq, body FROM catalog_releases ORDER BY seq DESC LIMIT $1) newest ORDER BY seq',
        [max],
      );
      return rows.map((row) => row.body);
    },
  };
}
