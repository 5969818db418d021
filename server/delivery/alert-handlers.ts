import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger.js';
import { wants, type PushSender } from '../push/push-sender.js';
import type { Repository } from '../storage/repository.js';
import { FAN_OUT_CHUNK, RetryLater, type AlertHandlers } from './delivery-store.js';

/**
 * What the queue's jobs do, whatever engine runs them. The fan-out lists the subscribers the
 * release matches and queues one push job each (a chunk per transaction, each subscriber once).
 * A push job sends one alert: a 429, 5xx or timeout is retried by the queue with backoff; after
 * the last try the target counts as failed and the job is dead-lettered.
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
      if (!(await deliveries.isPending(job))) return; // finished by an earlier try
      const sub = await subscriptions.get(job.endpoint);
      const payload = await payloads.fetch(job.releaseId);
      if (!sub || payload === undefined) return deliveries.finish(job, 'removed', 0); // unsubscribed meanwhile
      const outcome = await sender.sendOnce(sub, payload);
      if (outcome !== 'retry') return deliveries.finish(job, outcome, attempt.number);
      await deliveries.unsend(job);
      if (attempt.last) await deliveries.finish(job, await sender.giveUp(sub), attempt.number, true);
      throw new RetryLater(`the push service asked to try later (${attempt.last ? 'last try' : 'will retry'})`);
    },
  };
}
