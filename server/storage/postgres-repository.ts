import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { pgBossQueue, startBoss } from '../delivery/pg-boss-queue.js';
import { createPostgresDelivery, postgresDeliveryStore } from '../delivery/postgres-delivery-store.js';
import { silentLogger, type Logger } from '../logger.js';
import { postgresActionStore } from './postgres-action-store.js';
import { postgresCatalogStore } from './postgres-catalog-store.js';
import { postgresDeviceStore } from './postgres-device-store.js';
import { migratePostgres } from './postgres-migrations.js';
import { postgresPruneRows } from './postgres-prune-rows.js';
import { postgresRateLimitStore } from './postgres-rate-limit-store.js';
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
  options: { maxConnections?: number; logger?: Logger } = {},
): Promise<Repository> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection the server drops (a restart, a failover) must not take the process down.
  pool.on('error', () => undefined);
  let boss: PgBoss;
  try {
    await migratePostgres(pool);
    boss = await startBoss(connectionString, options.logger ?? silentLogger);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prune = postgresPruneRows(pool);
  const queue = pgBossQueue(boss);
  return {
    subscriptions: postgresSubscriptionStore(pool),
    catalog: postgresCatalogStore(pool, createPostgresDelivery(boss)),
    actions: postgresActionStore(pool),
    devices: postgresDeviceStore(pool),
    deliveries: postgresDeliveryStore(pool, boss),
    queue,
    rateLimitStore: (windowMs) => postgresRateLimitStore(pool, windowMs),
    prune: (now = new Date()) => prune(now),
    close: async () => {
      await queue.stop();
      await pool.end();
    },
  };
}
