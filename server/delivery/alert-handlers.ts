import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger.js';
import { wants, type PushSender } from '../push/push-sender.js';
import type { Repository } from '../storage/repository.js';
import { FAN_OUT_CHUNK, POSTS_PER_JOB, RetryLater, type AlertHandlers } from './delivery-store.js';

/**
 * What the queue's jobs do, whatever engine runs them. The fan-out lists the subscribers the
 * release matches and queues one push job each (a chunk per transaction, each subscriber once).
 * A push job sends a batch's alerts: a 429, 5xx or timeout is retried by the queue with backoff
 * (the whole job, which posts only to those still pending); after the last try those targets
 * count as failed and the job is dead-lettered.
 */
export function alertHandlers(repository: Repository, sender: PushSender, logger: Logger): AlertHandlers {
  const { deliveries, subscriptions, catalog } = repository;
  // One payload per release, not one catalog read per subscriber.
  const payloads = new LRUCache<string, string>({
    max: 64,
    fetchMethod: async (releaseId) => {
      const release = await catalog.get(releaseId);
      return release ? sender.payloadFor(release) : undefined;
    },
  });

  return {
    async fanOut(job) {
      const release = await catalog.get(job.releaseId);
      const endpoints = release
        ? (await subscriptions.list()).filter((sub) => wants(sub, release)).map((sub) => sub.endpoint)
        : [];
      let queued = 0;
      for (let start = 0; start < endpoints.length; start += FAN_OUT_CHUNK) {
        queued += await deliveries.addTargets(job, endpoints.slice(start, start + FAN_OUT_CHUNK));
      }
      await deliveries.fannedOut(job.deliveryId);
      logger.info('release alert queued', { releaseId: job.releaseId, matched: endpoints.length, queued });
    },

    async push(job, attempt) {
      const pending = await deliveries.startTry(job); // the others were finished by an earlier try
      const payload = pending.length > 0 ? await payloads.fetch(job.releaseId) : undefined;
      let later = 0;
      await eachAtMost(POSTS_PER_JOB, pending, async (endpoint) => {
        const sub = await subscriptions.get(endpoint);
        if (!sub || payload === undefined) {
          // Unsubscribed meanwhile, or the release is gone: nothing was posted.
          await deliveries.unsend(job.deliveryId, endpoint);
          return deliveries.finish(job.deliveryId, endpoint, 'removed');
        }
        const outcome = await sender.sendOnce(sub, payload);
        if (outcome !== 'retry') return deliveries.finish(job.deliveryId, endpoint, outcome);
        await deliveries.unsend(job.deliveryId, endpoint);
        later++;
        if (attempt.last) await deliveries.finish(job.deliveryId, endpoint, await sender.giveUp(sub), true);
      });
      if (later > 0) {
        throw new RetryLater(`the push service asked to try ${later} later (${attempt.last ? 'last try' : 'will retry'})`);
      }
    },
  };
}

/** Runs `task` on every item, at most `limit` at once. */
async function eachAtMost<T>(limit: number, items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
