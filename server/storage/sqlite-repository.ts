import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createSqliteDelivery, sqliteDeliveryStore } from '../delivery/sqlite-delivery-store.js';
import { sqliteJobQueue } from '../delivery/sqlite-job-queue.js';
import { silentLogger, type Logger } from '../logger.js';
import { migrate } from './migrations.js';
import { pruneRows } from './prune-rows.js';
import type { Repository } from './repository.js';
import { sqliteActionStore } from './sqlite-action-store.js';
import { sqliteCatalogStore } from './sqlite-catalog-store.js';
import { sqliteDeviceStore } from './sqlite-device-store.js';
import { sqliteSubscriptionStore } from './sqlite-subscription-store.js';

/** The default Repository: one SQLite file in WAL mode, migrated when opened. */
export function openSqliteRepository(file: string, options: { logger?: Logger } = {}): Repository {
  ownerOnly(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL survives a killed process (the WAL is in the OS); FULL also survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  migrate(db);

  const prune = pruneRows(db);
  const queue = sqliteJobQueue(db, { logger: options.logger ?? silentLogger });

  return {
    subscriptions: sqliteSubscriptionStore(db),
    catalog: sqliteCatalogStore(db, createSqliteDelivery(db)),
    actions: sqliteActionStore(db),
    devices: sqliteDeviceStore(db),
    deliveries: sqliteDeliveryStore(db),
    queue,
    rateLimitStore: () => undefined,
    prune: async (now = new Date()) => prune(now),
    close: async () => {
      await queue.stop();
      db.close();
    },
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
