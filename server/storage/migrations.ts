import type { Database } from 'better-sqlite3';

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
