import { PgBoss, type JobResult } from 'pg-boss';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import { PUSH_TRIES, type AlertHandlers, type AlertQueue, type FanOutJob, type PushJob } from './delivery-store.js';

/**
 * The queue on PostgreSQL: pg-boss, rather than graphile-worker, because it takes our own
 * transaction for a send (`db`), so a release and its alert's job commit together; it has
 * per-queue retries with exponential backoff and jitter, dead-letter queues, and job keys
 * (`singletonKey` on a `short` queue: one queued job per key). Its workers claim jobs with
 * SKIP LOCKED, so any number of processes on one database share them; a job held by a process
 * that died expires and runs again.
 */
export const QUEUES = { fanOut: 'stowaway-fanout', push: 'stowaway-push', dead: 'stowaway-push-dead' } as const;

/** pg-boss's `db` option: its statements run on our connection, in our transaction. */
export const inTransactionOf = (client: pg.PoolClient) => ({
  executeSql: (text: string, values: unknown[] = []) => client.query(text, values),
});

export async function startBoss(connectionString: string, logger: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    max: 4,
    useListenNotify: true,
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
  });
  boss.on('error', (error: Error) => logger.warn('queue error', { error: error.message }));
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  const create = async (name: string, options: Parameters<PgBoss['createQueue']>[1]) => {
    if (!existing.has(name)) await boss.createQueue(name, options).catch(() => undefined); // another process made it
  };
  await create(QUEUES.dead, { retentionSeconds: 14 * 24 * 3600 });
  await create(QUEUES.fanOut, {
    policy: 'short',
    notify: true,
    retryLimit: 10,
    retryBackoff: true,
    retryDelayMax: 60,
    expireInSeconds: 600,
  });
  await create(QUEUES.push, {
    policy: 'short',
    notify: true,
    retryLimit: PUSH_TRIES - 1,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 60,
    // Longer than one push request may take (PUSH_TIMEOUT_MS, at most 120 s, 10 by default):
    // a job held that long is from a process that died, and runs again elsewhere.
    expireInSeconds: 30,
    deadLetter: QUEUES.dead,
  });
  return boss;
}

/**
 * NOTIFY wakes a worker when a job is created; a retry coming due sends none, so the backstop
 * poll stays short (pg-boss's default is 30 s with NOTIFY on).
 */
const POLLING = { pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 1 };

export function pgBossQueue(boss: PgBoss, options: { concurrency?: number } = {}): AlertQueue {
  const workers: string[] = [];
  return {
    async work(handlers: AlertHandlers) {
      workers.push(
        await boss.work<FanOutJob>(QUEUES.fanOut, POLLING, async ([job]) => {
          if (job) await handlers.fanOut(job.data);
        }),
      );
      workers.push(
        await boss.work<
          PushJob,
          never,
          { batchSize: number; perJobResults: true; includeMetadata: true; burstWhenBatchFull: true } & typeof POLLING
        >(
          QUEUES.push,
          {
            ...POLLING,
            // Jobs claimed at once, each a batch with POSTS_PER_JOB posts in flight: 32 posts at once.
            batchSize: options.concurrency ?? 4,
            perJobResults: true,
            includeMetadata: true,
            burstWhenBatchFull: true,
          },
          async (jobs) =>
            Promise.all(
              jobs.map(async (job): Promise<JobResult> => {
                try {
                  await handlers.push(job.data, { number: job.retryCount + 1, last: job.retryCount >= job.retryLimit });
                  return { id: job.id, status: 'completed' };
                } catch (error) {
                  return { id: job.id, status: 'failed', output: { message: (error as Error).message } };
                }
              }),
            ),
        ),
      );
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
