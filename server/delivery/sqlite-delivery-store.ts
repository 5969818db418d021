import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  DELIVERY_SQL as SQL,
  pushJobsFor,
  statusOf,
  type DeliveryStore,
  type FanOutJob,
  type StatusRow,
} from './delivery-store.js';
import { enqueueSqliteJobs } from './sqlite-job-queue.js';

/** Deliveries in SQLite, their jobs in the same database (sqlite-job-queue.ts). */
export function sqliteDeliveryStore(db: Database): DeliveryStore {
  const enqueue = enqueueSqliteJobs(db);
  const status = db.prepare<[string], StatusRow>(SQL.status);
  const addTarget = db.prepare<[string, string], unknown>(
    'INSERT OR IGNORE INTO delivery_targets (delivery_id, endpoint) VALUES (?, ?)',
  );
  // The batch's endpoints as one JSON array: SQLite has no array parameter.
  const startTry = db.prepare<[string, string], { endpoint: string }>(
    `UPDATE delivery_targets SET sends = sends + 1
     WHERE delivery_id = ? AND state = 'pending' AND endpoint IN (SELECT value FROM json_each(?)) RETURNING endpoint`,
  );
  const unsend = db.prepare<[string, string], unknown>(SQL.unsend);
  const finish = db.prepare<[string, number, string, string], unknown>(SQL.finish);
  const fannedOut = db.prepare<[string], unknown>(SQL.fannedOut);
  const deadLetters = db.prepare<[string], { endpoint: string; tries: number }>(SQL.deadLetters);
  const addTargets = db.transaction((job: FanOutJob, endpoints: readonly string[]) => {
    const added = endpoints.filter((endpoint) => addTarget.run(job.deliveryId, endpoint).changes > 0);
    for (const push of pushJobsFor(job, added)) enqueue.push(push);
    return added.length;
  });
  return {
    ofRelease: async (releaseId) => {
      const row = status.get(releaseId);
      return row && statusOf(row);
    },
    deadLetters: async (releaseId) => deadLetters.all(releaseId),
    addTargets: async (job, endpoints) => addTargets(job, endpoints),
    fannedOut: async (deliveryId) => void fannedOut.run(deliveryId),
    startTry: async (job) => startTry.all(job.deliveryId, JSON.stringify(job.endpoints)).map((row) => row.endpoint),
    unsend: async (deliveryId, endpoint) => void unsend.run(deliveryId, endpoint),
    finish: async (deliveryId, endpoint, outcome, deadLettered = false) =>
      void finish.run(outcome, deadLettered ? 1 : 0, deliveryId, endpoint),
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
