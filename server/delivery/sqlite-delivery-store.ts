import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { DELIVERY_SQL as SQL, statusOf, type DeliveryStore, type StatusRow } from './delivery-store.js';
import { enqueueSqliteJobs } from './sqlite-job-queue.js';

/** Deliveries in SQLite, their jobs in the same database (sqlite-job-queue.ts). */
export function sqliteDeliveryStore(db: Database): DeliveryStore {
  const enqueue = enqueueSqliteJobs(db);
  const status = db.prepare<[string], StatusRow>(SQL.status);
  const addTarget = db.prepare<[string, string], unknown>(
    'INSERT OR IGNORE INTO delivery_targets (delivery_id, endpoint) VALUES (?, ?)',
  );
  const isPending = db.prepare<[string, string], unknown>(SQL.isPending);
  const unsend = db.prepare<[string, string], unknown>(SQL.unsend);
  const finish = db.prepare<[string, number, number, string, string], unknown>(SQL.finish);
  const fannedOut = db.prepare<[string], unknown>(SQL.fannedOut);
  const deadLetters = db.prepare<[string], { endpoint: string; tries: number }>(SQL.deadLetters);
  const addTargets = db.transaction((job: { deliveryId: string; releaseId: string }, endpoints: readonly string[]) => {
    let added = 0;
    for (const endpoint of endpoints) {
      if (addTarget.run(job.deliveryId, endpoint).changes === 0) continue;
      enqueue.push({ ...job, endpoint });
      added++;
    }
    return added;
  });
  return {
    ofRelease: async (releaseId) => {
      const row = status.get(releaseId);
      return row && statusOf(row);
    },
    deadLetters: async (releaseId) => deadLetters.all(releaseId),
    addTargets: async (job, endpoints) => addTargets(job, endpoints),
    fannedOut: async (deliveryId) => void fannedOut.run(deliveryId),
    isPending: async (job) => isPending.get(job.deliveryId, job.endpoint) !== undefined,
    unsend: async (job) => void unsend.run(job.deliveryId, job.endpoint),
    finish: async (job, outcome, attempt, deadLettered = false) =>
      void finish.run(outcome, attempt, deadLettered ? 1 : 0, job.deliveryId, job.endpoint),
  };
}

/** Creates a release's delivery and queues its fan-out: runs inside the publishing transaction. */
export function createSqliteDelivery(db: Database) {
  const enqueue = enqueueSqliteJobs(db);
  const insert = db.prepare<[string, string, string], unknown>(
    'INSERT INTO deliveries (id, release_id, created_at) VALUES (?, ?, ?)',
  );
  return (releaseId: string): string => {
    const deliveryId = randomUUID();
    insert.run(deliveryId, releaseId, new Date().toISOString());
    enqueue.fanOut({ deliveryId, releaseId });
    return deliveryId;
  };
}
