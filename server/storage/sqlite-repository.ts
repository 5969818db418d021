import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { validateRelease, type Release } from '#common/catalog';
import { migrate } from './migrations.js';
import { pruneRows } from './prune-rows.js';
import { ReleaseExistsError, type Repository } from './repository.js';
import { sqliteActionStore } from './sqlite-action-store.js';
import { sqliteDeviceStore } from './sqlite-device-store.js';
import { sqliteSubscriptionStore } from './sqlite-subscription-store.js';

/** The default Repository: one SQLite file in WAL mode, migrated when opened. */
export function openSqliteRepository(file: string): Repository {
  ownerOnly(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL survives a killed process (the WAL is in the OS); FULL also survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insertRelease = db.prepare<[string, string, string], unknown>(
    'INSERT INTO releases (id, body, published_at) VALUES (?, ?, ?)',
  );
  const listReleases = db.prepare<[], { id: string; body: string }>('SELECT id, body FROM releases ORDER BY published_at, id');
  const prune = pruneRows(db);

  return {
    subscriptions: sqliteSubscriptionStore(db),
    releases: {
      insert(release: Release) {
        try {
          insertRelease.run(release.id, JSON.stringify(release), new Date().toISOString());
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ReleaseExistsError(release.id);
          throw error;
        }
      },
      // Rows are re-validated: a release stored by an older schema must not reach a client unchecked.
      list: () =>
        listReleases.all().flatMap((row) => {
          const result = validateRelease(JSON.parse(row.body));
          return result.ok ? [result.value] : [];
        }),
    },
    actions: sqliteActionStore(db),
    devices: sqliteDeviceStore(db),
    prune: (now = new Date()) => prune(now),
    close: () => db.close(),
  };
}

/**
 * The database holds device key hashes and push secrets: 0600. SQLite creates the -wal and -shm
 * files with the database file's own mode, so making that one first (and tightening files left
 * by an older version) is enough.
 */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}
