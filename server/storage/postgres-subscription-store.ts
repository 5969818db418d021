import type pg from 'pg';
import type { StoredSubscription, SubscriptionStore } from './repository.js';

interface SubscriptionRow {
  endpoint: string;
  p256dh: string;
  auth: string;
  preferences: StoredSubscription['preferences'];
  created_at: Date;
  failures: number;
  failing_since: Date | null;
}

const toSubscription = (row: SubscriptionRow): StoredSubscription => ({
  endpoint: row.endpoint,
  p256dh: row.p256dh,
  auth: row.auth,
  preferences: row.preferences,
  createdAt: row.created_at.toISOString(),
  failures: row.failures,
  failingSince: row.failing_since?.toISOString() ?? null,
});

/** Push subscriptions in PostgreSQL, keyed by their (normalised) endpoint, as in sqlite-subscription-store.ts. */
export function postgresSubscriptionStore(pool: pg.Pool): SubscriptionStore {
  return {
    async get(endpoint) {
      const { rows } = await pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE endpoint = $1', [endpoint]);
      return rows[0] && toSubscription(rows[0]);
    },
    async upsert(sub) {
      // xmax is 0 on a row this statement inserted, and the updating transaction's id otherwise.
      const { rows } = await pool.query<{ created: boolean }>(
        `INSERT INTO subscriptions (endpoint, p256dh, auth, preferences, created_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth, preferences = excluded.preferences
         RETURNING (xmax = 0) AS created`,
        [sub.endpoint, sub.p256dh, sub.auth, JSON.stringify(sub.preferences)],
      );
      return { created: rows[0]?.created === true };
    },
    async remove(endpoint) {
      return ((await pool.query('DELETE FROM subscriptions WHERE endpoint = $1', [endpoint])).rowCount ?? 0) > 0;
    },
    async list() {
      const { rows } = await pool.query<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY created_at, endpoint');
      return rows.map(toSubscription);
    },
    async count() {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM subscriptions');
      return rows[0]?.n ?? 0;
    },
    async recordFailure(endpoint, at) {
      const { rows } = await pool.query<{ failures: number; failing_since: Date }>(
        `UPDATE subscriptions SET failures = failures + 1, failing_since = COALESCE(failing_since, $1)
         WHERE endpoint = $2 RETURNING failures, failing_since`,
        [at, endpoint],
      );
      const row = rows[0];
      return row && { failures: row.failures, failingSince: row.failing_since.toISOString() };
    },
    async recordSuccess(endpoint) {
      await pool.query('UPDATE subscriptions SET failures = 0, failing_since = NULL WHERE endpoint = $1 AND failures > 0', [
        endpoint,
      ]);
    },
  };
}
