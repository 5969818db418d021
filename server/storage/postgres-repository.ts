import pg from 'pg';
import { postgresActionStore } from './postgres-action-store.js';
import { postgresCatalogStore } from './postgres-catalog-store.js';
import { postgresDeviceStore } from './postgres-device-store.js';
import { migratePostgres } from './postgres-migrations.js';
import { postgresPruneRows } from './postgres-prune-rows.js';
import { postgresSubscriptionStore } from './postgres-subscription-store.js';
import type { Repository } from './repository.js';

/**
 * The Repository on PostgreSQL (DATABASE_URL=postgres://…), for several server processes on one
 * database. Hand-written SQL on `pg` rather than a query builder such as Kysely: the two dialects
 * differ exactly where the work is (full-text search, upserts that report what they did, arrays
 * through unnest, triggers), the SQLite stores stay synchronous better-sqlite3 statements, and
 * the parts that are the same (keyset pages, rankings) are shared as SQL in release-list-plan.ts.
 */
export async function openPostgresRepository(
  connectionString: string,
  options: { maxConnections?: number } = {},
): Promise<Repository> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection the server drops (a restart, a failover) must not take the process down.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prune = postgresPruneRows(pool);
  return {
    subscriptions: postgresSubscriptionStore(pool),
    catalog: postgresCatalogStore(pool),
    actions: postgresActionStore(pool),
    devices: postgresDeviceStore(pool),
    prune: (now = new Date()) => prune(now),
    close: () => pool.end(),
  };
}
