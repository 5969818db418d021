import Database from 'better-sqlite3';
import { validateRelease, type Release } from '#common/catalog';
import { migrate } from './migrations.js';
import { sqliteActionStore } from './sqlite-action-store.js';
import { ReleaseExistsError, type Repository, type StoredSubscription } from './repository.js';

interface SubscriptionRow {
  endpoint: string;
  p256dh: string;
  auth: string;
  preferences: string;
  created_at: string;
}

/** The default Repository: one SQLite file in WAL mode, migrated when opened. */
export function openSqliteRepository(file: string): Repository {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL survives a killed process (the WAL is in the OS); FULL also survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const upsert = db.prepare<[string, string, string, string, string], unknown>(
    `INSERT INTO subscriptions (endpoint, p256dh, auth, preferences, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth, preferences = excluded.preferences`,
  );
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM subscriptions WHERE endpoint = ?');
  const remove = db.prepare<[string], unknown>('DELETE FROM subscriptions WHERE endpoint = ?');
  const listSubs = db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY created_at, endpoint');
  const countSubs = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM subscriptions');
  const insertRelease = db.prepare<[string, string, string], unknown>(
    'INSERT INTO releases (id, body, published_at) VALUES (?, ?, ?)',
  );
  const listReleases = db.prepare<[], { id: string; body: string }>('SELECT id, body FROM releases ORDER BY published_at, id');

  const toSubscription = (row: SubscriptionRow): StoredSubscription => ({
    endpoint: row.endpoint,
    p256dh: row.p256dh,
    auth: row.auth,
    preferences: JSON.parse(row.preferences) as StoredSubscription['preferences'],
    createdAt: row.created_at,
  });

  return {
    subscriptions: {
      upsert: (sub) =>
        db.transaction(() => {
          const created = exists.get(sub.endpoint) === undefined;
          upsert.run(sub.endpoint, sub.p256dh, sub.auth, JSON.stringify(sub.preferences), new Date().toISOString());
          return { created };
        })(),
      remove: (endpoint) => remove.run(endpoint).changes > 0,
      list: () => listSubs.all().map(toSubscription),
      count: () => countSubs.get()?.n ?? 0,
    },
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
    close: () => db.close(),
  };
}
