import type { Database } from 'better-sqlite3';
import type { StoredSubscription, SubscriptionStore } from './repository.js';

interface SubscriptionRow {
  endpoint: string;
  p256dh: string;
  auth: string;
  preferences: string;
  created_at: string;
  failures: number;
  failing_since: string | null;
}

/** Push subscriptions in SQLite, keyed by their (normalised) endpoint. */
export function sqliteSubscriptionStore(db: Database): SubscriptionStore {
  const upsert = db.prepare<[string, string, string, string, string], unknown>(
    `INSERT INTO subscriptions (endpoint, p256dh, auth, preferences, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth, preferences = excluded.preferences`,
  );
  const get = db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE endpoint = ?');
  const remove = db.prepare<[string], unknown>('DELETE FROM subscriptions WHERE endpoint = ?');
  const list = db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY created_at, endpoint');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM subscriptions');
  const failure = db.prepare<[string, string], { failures: number; failing_since: string }>(
    `UPDATE subscriptions SET failures = failures + 1, failing_since = COALESCE(failing_since, ?)
     WHERE endpoint = ? RETURNING failures, failing_since`,
  );
  const success = db.prepare<[string], unknown>(
    'UPDATE subscriptions SET failures = 0, failing_since = NULL WHERE endpoint = ? AND failures > 0',
  );

  const toSubscription = (row: SubscriptionRow): StoredSubscription => ({
    endpoint: row.endpoint,
    p256dh: row.p256dh,
    auth: row.auth,
    preferences: JSON.parse(row.preferences) as StoredSubscription['preferences'],
    createdAt: row.created_at,
    failures: row.failures,
    failingSince: row.failing_since,
  });

  return {
    get: async (endpoint) => {
      const row = get.get(endpoint);
      return row && toSubscription(row);
    },
    upsert: async (sub) =>
      db.transaction(() => {
        const created = get.get(sub.endpoint) === undefined;
        upsert.run(sub.endpoint, sub.p256dh, sub.auth, JSON.stringify(sub.preferences), new Date().toISOString());
        return { created };
      })(),
    remove: async (endpoint) => remove.run(endpoint).changes > 0,
    list: async () => list.all().map(toSubscription),
    count: async () => count.get()?.n ?? 0,
    recordFailure: async (endpoint, at) => {
      const row = failure.get(at.toISOString(), endpoint);
      return row && { failures: row.failures, failingSince: row.failing_since };
    },
    recordSuccess: async (endpoint) => void success.run(endpoint),
  };
}
