import type pg from 'pg';
import { DELIVERY_TABLES } from '../delivery/delivery-tables.js';

/**
 * The PostgreSQL schema, in the same story as SQLite's (migrations.ts): changes in order, append
 * only, and a one-row table records how many have run. It starts at SQLite's schema 4 in one step
 * (no database of this kind predates it). Sort keys are COLLATE "C" so A–Z and keyset pages
 * compare bytes, as SQLite does (and so do the library's lists and plays), whatever the cluster's locale. Search needs no extension: the
 * lexemes are folded and split in JavaScript (catalog-row.ts) exactly as the words searched for
 * are, and stored as a weighted tsvector (title A, artist B, track titles C) with a GIN index.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     endpoint      text PRIMARY KEY,
     p256dh        text NOT NULL,
     auth          text NOT NULL,
     preferences   jsonb NOT NULL DEFAULT '{}',
     created_at    timestamptz NOT NULL,
     failures      integer NOT NULL DEFAULT 0,
     failing_since timestamptz
   );
   CREATE TABLE devices (device_id text PRIMARY KEY, key_hash bytea NOT NULL, created_at timestamptz NOT NULL);
   CREATE TABLE actions (
     id          text COLLATE "C" PRIMARY KEY,
     device_id   text NOT NULL,
     type        text NOT NULL,
     subject     text NOT NULL,
     at          text COLLATE "C" NOT NULL,
     received_at timestamptz NOT NULL
   );
   CREATE INDEX actions_plays ON actions (device_id, type, at);
   CREATE INDEX actions_received ON actions (received_at);
   CREATE TABLE follows (device_id text NOT NULL, artist text COLLATE "C" NOT NULL, PRIMARY KEY (device_id, artist));
   CREATE TABLE favourites (device_id text NOT NULL, track text COLLATE "C" NOT NULL, PRIMARY KEY (device_id, track));

   CREATE TABLE catalog_releases (
     seq          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     id           text NOT NULL UNIQUE,
     source       text NOT NULL CHECK (source IN ('base', 'published')),
     kind         text NOT NULL,
     title        text NOT NULL,
     title_key    text COLLATE "C" NOT NULL,
     artist       text NOT NULL,
     artist_id    text NOT NULL,
     artist_key   text COLLATE "C" NOT NULL,
     release_date text NOT NULL,
     summary      text NOT NULL,
     body         text NOT NULL,
     search       tsvector NOT NULL
   );
   CREATE INDEX catalog_by_kind ON catalog_releases (kind, seq);
   CREATE INDEX catalog_by_title ON catalog_releases (title_key, seq);
   CREATE INDEX catalog_by_kind_title ON catalog_releases (kind, title_key, seq);
   CREATE INDEX catalog_by_artist ON catalog_releases (artist_key, title_key, seq);
   CREATE INDEX catalog_by_kind_artist ON catalog_releases (kind, artist_key, title_key, seq);
   CREATE INDEX catalog_of_artist ON catalog_releases (artist_id, seq);
   CREATE INDEX catalog_search ON catalog_releases USING gin (search);
   CREATE TABLE catalog_artists (
     id       text COLLATE "C" PRIMARY KEY,
     name     text NOT NULL,
     sort_key text COLLATE "C" NOT NULL,
     releases integer NOT NULL
   );
   CREATE INDEX catalog_artists_by_name ON catalog_artists (sort_key, id);
   CREATE FUNCTION catalog_artist_count() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'INSERT' THEN
       UPDATE catalog_artists SET releases = releases - 1 WHERE id = OLD.artist_id;
       DELETE FROM catalog_artists WHERE id = OLD.artist_id AND releases <= 0;
     END IF;
     IF TG_OP <> 'DELETE' THEN
       INSERT INTO catalog_artists (id, name, sort_key, releases) VALUES (NEW.artist_id, NEW.artist, NEW.artist_key, 1)
         ON CONFLICT (id) DO UPDATE SET releases = catalog_artists.releases + 1;
     END IF;
     RETURN NULL;
   END $$;
   CREATE TRIGGER catalog_artist_in_out AFTER INSERT OR DELETE ON catalog_releases
     FOR EACH ROW EXECUTE FUNCTION catalog_artist_count();
   CREATE TRIGGER catalog_artist_moved AFTER UPDATE OF artist_id ON catalog_releases
     FOR EACH ROW WHEN (OLD.artist_id <> NEW.artist_id) EXECUTE FUNCTION catalog_artist_count();
   CREATE TABLE catalog_files (url text PRIMARY KEY, type text NOT NULL, release_id text NOT NULL);
   CREATE TABLE catalog_changes (
     version       integer PRIMARY KEY,
     release_id    text NOT NULL UNIQUE,
     removed       boolean NOT NULL,
     added_version integer -- the version the release was first added at (SQLite schema 5)
   );
   CREATE TABLE catalog_state (
     one           integer PRIMARY KEY CHECK (one = 1),
     version       integer NOT NULL,
     floor         integer NOT NULL,
     source_sha256 text
   );
   INSERT INTO catalog_state (one, version, floor, source_sha256) VALUES (1, 0, 0, NULL);`,
  // Durable alerts: the same tables as SQLite's schema 6; the jobs are pg-boss's (its own schema).
  DELIVERY_TABLES,
  // The write rate limit's counts, shared by every process (postgres-rate-limit-store.ts).
  `CREATE TABLE rate_limits (key text PRIMARY KEY, hits integer NOT NULL, reset_at timestamptz NOT NULL);
   CREATE INDEX rate_limits_reset ON rate_limits (reset_at);`,
];

/** Any number from the 64-bit range, the same in every process: the migration lock's key. */
const MIGRATION_LOCK = 0x5707_a4a7;

/**
 * Runs the migrations this database lacks. Several processes may start at once on one database:
 * an advisory lock makes them take turns, and each migration commits with its version.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (one integer PRIMARY KEY CHECK (one = 1), version integer NOT NULL)',
    );
    await client.query('INSERT INTO schema_version VALUES (1, 0) ON CONFLICT DO NOTHING');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`the database is at schema version ${current}, newer than this server knows (${MIGRATIONS.length})`);
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version] as string);
        await client.query('UPDATE schema_version SET version = $1', [version + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return MIGRATIONS.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
