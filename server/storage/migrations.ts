import type { Database } from 'better-sqlite3';
import { DELIVERY_TABLES } from '../delivery/delivery-tables.js';

/**
 * Schema changes in order; `PRAGMA user_version` records how many have run. Append only:
 * never edit a migration that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     endpoint    TEXT PRIMARY KEY,
     p256dh      TEXT NOT NULL,
     auth        TEXT NOT NULL,
     preferences TEXT NOT NULL DEFAULT '{}',
     created_at  TEXT NOT NULL
   ) STRICT;
   CREATE TABLE releases (
     id           TEXT PRIMARY KEY,
     body         TEXT NOT NULL,
     published_at TEXT NOT NULL
   ) STRICT;`,
  `CREATE TABLE actions (
     id        TEXT PRIMARY KEY,
     device_id TEXT NOT NULL,
     type      TEXT NOT NULL,
     subject   TEXT NOT NULL,
     at        TEXT NOT NULL
   ) STRICT;
   CREATE TABLE follows (device_id TEXT NOT NULL, artist TEXT NOT NULL, PRIMARY KEY (device_id, artist)) STRICT;
   CREATE TABLE favourites (device_id TEXT NOT NULL, track TEXT NOT NULL, PRIMARY KEY (device_id, track)) STRICT;
   CREATE INDEX actions_plays ON actions (device_id, type, at);`,
  // Device keys (hashed), failures in a row per subscription, and when each action arrived: the
  // last two are what pruning goes by (an action's own `at` is the client's clock).
  `CREATE TABLE devices (
     device_id  TEXT PRIMARY KEY,
     key_hash   BLOB NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   ALTER TABLE subscriptions ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE subscriptions ADD COLUMN failing_since TEXT;
   ALTER TABLE actions ADD COLUMN received_at TEXT NOT NULL DEFAULT '';
   CREATE INDEX actions_received ON actions (received_at);`,
  // The catalog in the database (issue 15): one row per release with its sort keys, an index per
  // sort and filter the library API pages by (keyset, never OFFSET), the artists kept by triggers,
  // a contentless FTS5 index (rowid = seq), the type of every media file, and a change log holding
  // the latest change per release id. The `releases` table above is emptied into it at open.
  `CREATE TABLE catalog_releases (
     seq          INTEGER PRIMARY KEY AUTOINCREMENT,
     id           TEXT NOT NULL UNIQUE,
     source       TEXT NOT NULL CHECK (source IN ('base', 'published')),
     kind         TEXT NOT NULL,
     title        TEXT NOT NULL,
     title_key    TEXT NOT NULL,
     artist       TEXT NOT NULL,
     artist_id    TEXT NOT NULL,
     artist_key   TEXT NOT NULL,
     release_date TEXT NOT NULL,
     summary      TEXT NOT NULL,
     body         TEXT NOT NULL
   ) STRICT;
   CREATE INDEX catalog_by_kind ON catalog_releases (kind, seq);
   CREATE INDEX catalog_by_title ON catalog_releases (title_key, seq);
   CREATE INDEX catalog_by_kind_title ON catalog_releases (kind, title_key, seq);
   CREATE INDEX catalog_by_artist ON catalog_releases (artist_key, title_key, seq);
   CREATE INDEX catalog_by_kind_artist ON catalog_releases (kind, artist_key, title_key, seq);
   CREATE INDEX catalog_of_artist ON catalog_releases (artist_id, seq);
   CREATE TABLE catalog_artists (
     id       TEXT PRIMARY KEY,
     name     TEXT NOT NULL,
     sort_key TEXT NOT NULL,
     releases INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX catalog_artists_by_name ON catalog_artists (sort_key, id);
   CREATE TRIGGER catalog_artist_in AFTER INSERT ON catalog_releases BEGIN
     INSERT INTO catalog_artists (id, name, sort_key, releases) VALUES (NEW.artist_id, NEW.artist, NEW.artist_key, 1)
       ON CONFLICT (id) DO UPDATE SET releases = releases + 1;
   END;
   CREATE TRIGGER catalog_artist_out AFTER DELETE ON catalog_releases BEGIN
     UPDATE catalog_artists SET releases = releases - 1 WHERE id = OLD.artist_id;
     DELETE FROM catalog_artists WHERE id = OLD.artist_id AND releases <= 0;
   END;
   CREATE TRIGGER catalog_artist_moved AFTER UPDATE OF artist_id ON catalog_releases
     WHEN OLD.artist_id <> NEW.artist_id BEGIN
     UPDATE catalog_artists SET releases = releases - 1 WHERE id = OLD.artist_id;
     DELETE FROM catalog_artists WHERE id = OLD.artist_id AND releases <= 0;
     INSERT INTO catalog_artists (id, name, sort_key, releases) VALUES (NEW.artist_id, NEW.artist, NEW.artist_key, 1)
       ON CONFLICT (id) DO UPDATE SET releases = releases + 1;
   END;
   CREATE VIRTUAL TABLE catalog_search USING fts5 (
     title, artist, tracks,
     content = '', contentless_delete = 1,
     tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
   );
   CREATE TABLE catalog_files (
     url        TEXT PRIMARY KEY,
     type       TEXT NOT NULL,
     release_id TEXT NOT NULL
   ) STRICT;
   CREATE TABLE catalog_changes (
     version    INTEGER PRIMARY KEY,
     release_id TEXT NOT NULL UNIQUE,
     removed    INTEGER NOT NULL CHECK (removed IN (0, 1))
   ) STRICT;
   CREATE TABLE catalog_state (
     only          INTEGER PRIMARY KEY CHECK (only = 1),
     version       INTEGER NOT NULL,
     floor         INTEGER NOT NULL,
     source_sha256 TEXT
   ) STRICT;
   INSERT INTO catalog_state (only, version, floor, source_sha256) VALUES (1, 0, 0, NULL);`,
  // The version at which each logged release was first added, kept through its later changes: a
  // client tells a new release (its artist's followers download it) from an edited one.
  `ALTER TABLE catalog_changes ADD COLUMN added_version INTEGER;`,
  // Durable alerts (issue 18, schema 6): one delivery per published release, one target per subscriber it
  // matched (the key that keeps a subscriber from being queued twice), and the embedded queue's
  // jobs (PostgreSQL uses pg-boss instead). A finished job is deleted; a dead one stays.
  `${DELIVERY_TABLES}
   CREATE TABLE queue_jobs (
     id       INTEGER PRIMARY KEY,
     queue    TEXT NOT NULL,
     key      TEXT NOT NULL UNIQUE,
     data     TEXT NOT NULL,
     state    TEXT NOT NULL DEFAULT 'ready' CHECK (state IN ('ready', 'active', 'dead')),
     attempts INTEGER NOT NULL DEFAULT 0,
     run_at   INTEGER NOT NULL,
     error    TEXT
   ) STRICT;
   CREATE INDEX queue_jobs_due ON queue_jobs (state, run_at);`,
];

export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the database is at schema version ${current}, newer than this server knows (${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
