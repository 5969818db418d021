import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { migrate } from '../storage/migrations.js';
import { PUSH_TRIES, RetryLater } from './delivery-store.js';
import { enqueueSqliteJobs, sqliteJobQueue } from './sqlite-job-queue.js';

function database() {
  const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'stowaway-queue-')), 'db.sqlite'));
  migrate(db);
  return db;
}

const job = (endpoint: string) => ({ deliveryId: 'd', releaseId: 'r', endpoints: [endpoint] });
const settled = (db: Database.Database) => () =>
  db.prepare<[], { n: number }>("SELECT count(*) AS n FROM queue_jobs WHERE state <> 'dead'").get()?.n;

describe('the embedded (SQLite) job queue', () => {
  it(`tries a failing job ${PUSH_TRIES} times with backoff, the last one said so, then keeps it dead`, async () => {
    const db = database();
    enqueueSqliteJobs(db).push(job('e'));
    enqueueSqliteJobs(db).push(job('e')); // the same key: queued once
    const tries: Array<{ at: number; last: boolean }> = [];
    const queue = sqliteJobQueue(db, { logger: silentLogger, retryBaseMs: 50, idlePollMs: 5 });
    await queue.work({
      fanOut: async () => undefined,
      push: async (_job, attempt) => {
        tries.push({ at: performance.now(), last: attempt.last });
        throw new RetryLater('busy');
      },
    });
    await expect.poll(settled(db), { timeout: 5000 }).toBe(0);
    await queue.stop();
    expect(tries.map((t) => t.last)).toEqual([...Array<boolean>(PUSH_TRIES - 1).fill(false), true]);
    const gaps = tries.slice(1).map((t, n) => t.at - (tries[n] as { at: number }).at);
    expect(gaps[1]).toBeGreaterThan(gaps[0] as number); // backing off
    expect(db.prepare('SELECT state, attempts, error FROM queue_jobs').all()).toEqual([
      { state: 'dead', attempts: PUSH_TRIES, error: 'busy' },
    ]);
  });

  it('runs a job again when the process that claimed it died before finishing (its lease ran out)', async () => {
    const db = database();
    enqueueSqliteJobs(db).push(job('e'));
    const died = sqliteJobQueue(db, { logger: silentLogger, leaseMs: 50, idlePollMs: 5 });
    await died.work({ fanOut: async () => undefined, push: () => new Promise(() => undefined) }); // never finishes
    await expect.poll(() => db.prepare<[], { state: string }>('SELECT state FROM queue_jobs').get()?.state).toBe('active');
    void died.stop(); // it claims nothing more; its job in hand never finishes, as in a killed process
    const seen: string[] = [];
    const next = sqliteJobQueue(db, { logger: silentLogger, leaseMs: 50, idlePollMs: 5 });
    await next.work({ fanOut: async () => undefined, push: async (j) => void seen.push(...j.endpoints) });
    await expect.poll(settled(db)).toBe(0);
    await next.stop();
    expect(seen).toEqual(['e']);
  });
});
