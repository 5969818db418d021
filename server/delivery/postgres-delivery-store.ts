import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { inTransaction } from '../storage/postgres-transaction.js';
import { numbered } from '../storage/numbered-placeholders.js';
import { DELIVERY_SQL as SQL, pushJobKey, pushJobsFor, statusOf, type DeliveryStore, type StatusRow } from './delivery-store.js';
import { inTransactionOf, QUEUES } from './pg-boss-queue.js';

/** Deliveries in PostgreSQL; their jobs are pg-boss's, queued in the same transactions. */
export function postgresDeliveryStore(pool: pg.Pool, boss: PgBoss): DeliveryStore {
  const run = (sql: string, params: unknown[]) => pool.query(numbered(sql), params);
  return {
    async ofRelease(releaseId) {
      const { rows } = await pool.query<StatusRow>(numbered(SQL.status), [releaseId]);
      return rows[0] && statusOf(rows[0]);
    },
    async deadLetters(releaseId) {
      const { rows } = await pool.query<{ endpoint: string; tries: number }>(numbered(SQL.deadLetters), [releaseId]);
      return rows.map((row) => ({ endpoint: row.endpoint, tries: Number(row.tries) }));
    },
    addTargets: (job, endpoints) =>
      inTransaction(pool, async (client) => {
        const added = await client.query<{ endpoint: string }>(
          `INSERT INTO delivery_targets (delivery_id, endpoint) SELECT $1, unnest($2::text[])
           ON CONFLICT DO NOTHING RETURNING endpoint`,
          [job.deliveryId, endpoints],
        );
        if (added.rows.length === 0) return 0;
        const jobs = pushJobsFor(
          job,
          added.rows.map(({ endpoint }) => endpoint),
        );
        await boss.insert(
          QUEUES.push,
          jobs.map((data) => ({ data, singletonKey: pushJobKey(data) })),
          { db: inTransactionOf(client) },
        );
        return added.rows.length;
      }),
    fannedOut: async (deliveryId) => void (await run(SQL.fannedOut, [deliveryId])),
    async startTry(job) {
      const { rows } = await pool.query<{ endpoint: string }>(
        `UPDATE delivery_targets SET sends = sends + 1
         WHERE delivery_id = $1 AND state = 'pending' AND endpoint = ANY($2::text[]) RETURNING endpoint`,
        [job.deliveryId, job.endpoints],
      );
      return rows.map((row) => row.endpoint);
    },
    unsend: async (deliveryId, endpoint) => void (await run(SQL.unsend, [deliveryId, endpoint])),
    finish: async (deliveryId, endpoint, outcome, deadLettered = false) =>
      void (await run(SQL.finish, [outcome, deadLettered ? 1 : 0, deliveryId, endpoint])),
  };
}

/** Creates a release's delivery and queues its fan-out on the publishing transaction's connection. */
export function createPostgresDelivery(boss: PgBoss) {
  return async (client: pg.PoolClient, releaseId: string): Promise<string> => {
    const deliveryId = randomUUID();
    await client.query('INSERT INTO deliveries (id, release_id, created_at) VALUES ($1, $2, $3)', [
      deliveryId,
      releaseId,
      new Date().toISOString(),
    ]);
    await boss.send(QUEUES.fanOut, { deliveryId, releaseId }, { singletonKey: deliveryId, db: inTransactionOf(client) });
    return deliveryId;
  };
}
