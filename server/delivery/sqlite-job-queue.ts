import type { Database } from 'better-sqlite3';
import type { Logger } from '../logger.js';
import { PUSH_TRIES, pushJobKey, type AlertHandlers, type AlertQueue, type FanOutJob, type PushJob } from './delivery-store.js';

/**
 * The embedded queue: a table in the SQLite database (migrations.ts, schema 5), worked by the
 * server process itself. Our own code because the queue libraries made for SQLite either keep
 * jobs in memory or need a second process or Redis; this is small: claim due jobs with a lease
 * (one UPDATE … RETURNING), delete a finished one, put a failed one back with exponential backoff
 * and jitter, mark it dead after its last try. A job claimed by a process that died is claimed
 * again once its lease runs out, so a restart loses nothing.
 */
export interface SqliteJobQueueOptions {
  /** Jobs in flight at once. */
  readonly concurrency?: number;
  /** How long a claimed job is this process's before another claim may take it. */
  readonly leaseMs?: number;
  /** The first retry's delay; each next one doubles, up to 60 s, with up to 50 % added at random. */
  readonly retryBaseMs?: number;
  readonly idlePollMs?: number;
  readonly logger: Logger;
}

type Queue = 'fanout' | 'push';
const FAN_OUT_TRIES = 10;

interface JobRow {
  id: number;
  queue: Queue;
  data: string;
  attempts: number;
}

/** Queues a job unless one with its key exists: runs inside the caller's transaction. */
export function enqueueSqliteJobs(db: Database) {
  const insert = db.prepare<[string, string, string, number], unknown>(
    'INSERT OR IGNORE INTO queue_jobs (queue, key, data, run_at) VALUES (?, ?, ?, ?)',
  );
  return {
    fanOut: (job: FanOutJob) => void insert.run('fanout', `fanout:${job.deliveryId}`, JSON.stringify(job), Date.now()),
    push: (job: PushJob) => void insert.run('push', `push:${pushJobKey(job)}`, JSON.stringify(job), Date.now()),
  };
}

export function sqliteJobQueue(db: Database, options: SqliteJobQueueOptions): AlertQueue {
  // Jobs, each a batch with POSTS_PER_JOB posts in flight: 32 posts at once, as pg-boss-queue.ts.
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 60_000;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const idlePollMs = options.idlePollMs ?? 100;
  const claim = db.prepare<[number, number, number], JobRow>(
    `UPDATE queue_jobs SET state = 'active', attempts = attempts + 1, run_at = ?
     WHERE id IN (SELECT id FROM queue_jobs WHERE state IN ('ready', 'active') AND run_at <= ? ORDER BY run_at, id LIMIT ?)
     RETURNING id, queue, data, attempts`,
  );
  const done = db.prepare<[number], unknown>('DELETE FROM queue_jobs WHERE id = ?');
  // Finished jobs are deleted together, one transaction (one fsync) per turn of the event loop
  // rather than one each: a job whose delete a crash lost runs again and finds its target
  // finished (alert-handlers.ts), so nothing is sent twice for it.
  const finished: number[] = [];
  const deleteFinished = db.transaction((ids: readonly number[]) => {
    for (const id of ids) done.run(id);
  });
  const flush = () => {
    if (db.open) deleteFinished(finished.splice(0));
    else finished.length = 0;
  };
  const retry = db.prepare<[number, string, number], unknown>(
    "UPDATE queue_jobs SET state = 'ready', run_at = ?, error = ? WHERE id = ?",
  );
  const dead = db.prepare<[string, number], unknown>("UPDATE queue_jobs SET state = 'dead', error = ? WHERE id = ?");

  let running = false;
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  const idle = new Set<() => void>();

  const run = async (row: JobRow, handlers: AlertHandlers) => {
    const tries = row.queue === 'push' ? PUSH_TRIES : FAN_OUT_TRIES;
    try {
      const job = JSON.parse(row.data) as PushJob;
      if (row.queue === 'push') await handlers.push(job, { number: row.attempts, last: row.attempts >= tries });
      else await handlers.fanOut(job);
      if (finished.push(row.id) === 1) setImmediate(flush);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (row.attempts >= tries) {
        dead.run(message, row.id);
        options.logger.warn('job dead-lettered', { queue: row.queue, id: row.id, tries: row.attempts, error: message });
      } else {
        const delay = Math.min(retryBaseMs * 2 ** (row.attempts - 1), 60_000) * (1 + Math.random() / 2);
        retry.run(Math.round(Date.now() + delay), message, row.id);
      }
    }
  };

  const tick = (handlers: AlertHandlers) => {
    timer = undefined;
    if (!running) return;
    const free = concurrency - inFlight;
    const rows = free > 0 && db.open ? claim.all(Date.now() + leaseMs, Date.now(), free) : [];
    for (const row of rows) {
      inFlight++;
      void run(row, handlers).finally(() => {
        inFlight--;
        if (inFlight === 0) for (const resolve of idle) resolve();
        schedule(handlers, 0);
      });
    }
    if (rows.length === 0) schedule(handlers, idlePollMs);
  };
  const schedule = (handlers: AlertHandlers, ms: number) => {
    if (running && !timer) timer = setTimeout(() => tick(handlers), ms).unref();
  };

  return {
    async work(handlers) {
      running = true;
      schedule(handlers, 0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      if (inFlight > 0) await new Promise<void>((resolve) => idle.add(resolve));
      flush();
    },
  };
}
