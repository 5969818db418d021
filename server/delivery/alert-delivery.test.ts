import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryStatus } from '#common/delivery-status';
import { silentLogger } from '../logger.js';
import type { PushOutcome, PushSender } from '../push/push-sender.js';
import type { Repository } from '../storage/repository.js';
import { releaseMaker } from '../test/library-fixtures.js';
import { makeTestMedia } from '../test/test-media.js';
import { openTestRepository, testDatabase } from '../test/test-repository.js';
import { alertHandlers } from './alert-handlers.js';
import { FAN_OUT_CHUNK, PUSH_BATCH, PUSH_JOBS_AT_LEAST, PUSH_TRIES, pushJobsFor } from './delivery-store.js';

// The queue on the run's backend (SQLite's table, or pg-boss on PostgreSQL), with a sender that
// answers from a script instead of a push service: the e2e suite sends through a real one.
const release = releaseMaker(makeTestMedia());
const open: Repository[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

async function repositoryWith(endpoints: string[]): Promise<Repository> {
  const repository = await openTestRepository();
  open.push(repository);
  for (const endpoint of endpoints) {
    await repository.subscriptions.upsert({
      endpoint,
      p256dh: 'p',
      auth: 'a',
      preferences: endpoint.endsWith('films') ? { kinds: ['movie'] } : {},
    });
  }
  return repository;
}

/** A sender whose answers for an endpoint come from `script` in turn ('sent' once the script is used up). */
function scriptedSender(repository: Repository, script: Record<string, PushOutcome[]>) {
  const posts: string[] = [];
  const sender: PushSender = {
    payloadFor: (r) => r.id,
    async sendOnce(sub) {
      posts.push(sub.endpoint);
      const outcome = script[sub.endpoint]?.shift() ?? 'sent';
      if (outcome === 'removed') await repository.subscriptions.remove(sub.endpoint);
      return outcome;
    },
    giveUp: async () => 'failed',
  };
  return { sender, posts };
}

async function until(repository: Repository, releaseId: string, done: (s: DeliveryStatus) => boolean): Promise<DeliveryStatus> {
  for (let n = 0; n < 300; n++) {
    const status = await repository.deliveries.ofRelease(releaseId);
    if (status && done(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `the delivery of ${releaseId} did not finish: ${JSON.stringify(await repository.deliveries.ofRelease(releaseId))}`,
  );
}

const E = (name: string) => `https://fcm.googleapis.com/fcm/send/${name}`;

describe('a release’s alert through the queue', () => {
  it('is queued with the release, then sent once to each matching subscriber, retried after a 429', async () => {
    const repository = await repositoryWith([E('a'), E('b'), E('gone'), E('busy'), E('films')]);
    const { deliveryId } = await repository.catalog.publish(release({ id: 'r1', title: 'R', artist: 'A' }));
    expect(await repository.deliveries.ofRelease('r1')).toMatchObject({ id: deliveryId, state: 'queued', matched: 0 });

    const { sender, posts } = scriptedSender(repository, { [E('gone')]: ['removed'], [E('busy')]: ['retry'] });
    await repository.queue.work(alertHandlers(repository, sender, silentLogger));
    const status = await until(repository, 'r1', (s) => s.state === 'done');
    expect(status).toEqual({
      id: deliveryId,
      releaseId: 'r1',
      state: 'done',
      matched: 4,
      sent: 3,
      failed: 0,
      removed: 1,
      pending: 0,
      resent: 0,
      deadLettered: 0,
    });
    expect(posts.sort()).toEqual([E('a'), E('b'), E('busy'), E('busy'), E('gone')]);
    expect(await repository.subscriptions.get(E('gone'))).toBeUndefined();
  }, 30_000);

  it('queues each subscriber once when the fan-out runs again (a worker died in it), and sends nothing twice', async () => {
    const repository = await repositoryWith([E('a'), E('b')]);
    const { deliveryId } = await repository.catalog.publish(release({ id: 'r2', title: 'R', artist: 'A' }));
    const { sender, posts } = scriptedSender(repository, {});
    const handlers = alertHandlers(repository, sender, silentLogger);
    await handlers.fanOut({ deliveryId, releaseId: 'r2' });
    expect(await repository.deliveries.addTargets({ deliveryId, releaseId: 'r2' }, [E('a'), E('b')])).toBe(0);
    await repository.queue.work(handlers);
    await until(repository, 'r2', (s) => s.state === 'done');
    // A job run again after its outcome was recorded sends nothing.
    await handlers.push({ deliveryId, releaseId: 'r2', endpoints: [E('a'), E('b')] }, { number: 2, last: false });
    expect(posts.sort()).toEqual([E('a'), E('b')]);
  }, 30_000);

  it('dead-letters a subscriber still refused after the last try, and lists it for the operator', async () => {
    const repository = await repositoryWith([E('a'), E('down')]);
    await repository.catalog.publish(release({ id: 'r4', title: 'R', artist: 'A' }));
    const { sender, posts } = scriptedSender(repository, { [E('down')]: ['retry', 'retry', 'retry', 'retry'] });
    await repository.queue.work(alertHandlers(repository, sender, silentLogger));
    const status = await until(repository, 'r4', (s) => s.state === 'done');
    expect(status).toMatchObject({ matched: 2, sent: 1, failed: 1, deadLettered: 1, pending: 0 });
    expect(posts.filter((p) => p === E('down'))).toHaveLength(PUSH_TRIES);
    expect(await repository.deliveries.deadLetters('r4')).toEqual([{ endpoint: E('down'), tries: PUSH_TRIES }]);
    expect(await repository.deliveries.deadLetters('no-such')).toEqual([]);
  }, 30_000);

  it('sends to many subscribers in batches, each subscriber once', async () => {
    const jobSizes = (n: number) =>
      pushJobsFor({ deliveryId: 'd', releaseId: 'r' }, Array.from({ length: n }, String)).map((j) => j.endpoints.length);
    // Small fan-outs spread over many jobs (every process takes a share); large ones in full batches.
    expect(jobSizes(121)).toEqual([...Array<number>(60).fill(2), 1]);
    expect(jobSizes(FAN_OUT_CHUNK)).toHaveLength(Math.ceil(FAN_OUT_CHUNK / Math.ceil(FAN_OUT_CHUNK / PUSH_JOBS_AT_LEAST)));
    expect(Math.max(...jobSizes(100 * PUSH_BATCH * PUSH_JOBS_AT_LEAST))).toBe(PUSH_BATCH);
    const many = Array.from({ length: 250 }, (_, n) => E(`m${n}`));
    const repository = await repositoryWith(many);
    await repository.catalog.publish(release({ id: 'r5', title: 'R', artist: 'A' }));
    const { sender, posts } = scriptedSender(repository, {});
    await repository.queue.work(alertHandlers(repository, sender, silentLogger));
    expect(await until(repository, 'r5', (s) => s.state === 'done')).toMatchObject({
      matched: many.length,
      sent: many.length,
      resent: 0,
    });
    expect(posts.sort()).toEqual([...many].sort());
  }, 30_000);

  it('survives a restart before any job ran: the alert is in the database, not in memory', async () => {
    const database = await testDatabase();
    const first = await database();
    await first.subscriptions.upsert({ endpoint: E('a'), p256dh: 'p', auth: 'a', preferences: {} });
    await first.catalog.publish(release({ id: 'r3', title: 'R', artist: 'A' }));
    await first.close();
    const second = await database();
    open.push(second);
    const { sender, posts } = scriptedSender(second, {});
    await second.queue.work(alertHandlers(second, sender, silentLogger));
    expect(await until(second, 'r3', (s) => s.state === 'done')).toMatchObject({ matched: 1, sent: 1 });
    expect(posts).toEqual([E('a')]);
  }, 30_000);
});
