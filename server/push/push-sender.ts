import webpush, { WebPushError } from 'web-push';
import type { Release } from '#common/catalog';
import { encodePushPayload } from '#common/push-payload';
import type { Logger } from '../logger.js';
import type { StoredSubscription, SubscriptionStore } from '../storage/repository.js';
import type { VapidKeys } from '../secrets/load-secrets.js';
import { addressPolicy, FORBIDDEN_ADDRESS, type ResolveHost } from './endpoint-address.js';
import { checkPushEndpoint, redactEndpoint } from './endpoint-policy.js';
import { mapConcurrent } from './map-concurrent.js';
import { PushAgent } from './push-agent.js';
import { releaseAlert } from './release-alert.js';
import { isPlaceholderVapidSubject } from './vapid-subject.js';
import { createVapidJwtCache } from './vapid-jwt-cache.js';

export interface DeliverySummary {
  /** Subscriptions whose preferences matched the release. */
  readonly matched: number;
  readonly sent: number;
  readonly failed: number;
  /**
   * Deleted because the push service said 404/410, because the endpoint is no longer allowed, or
   * because its alerts kept failing (see FAILURES_BEFORE_REMOVAL).
   */
  readonly removed: number;
}

export interface PushSenderOptions {
  readonly subscriptions: SubscriptionStore;
  readonly vapid: VapidKeys;
  readonly subject: string;
  readonly allowLoopback: boolean;
  readonly logger: Logger;
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  readonly retryBaseMs?: number;
  /** How long one request to a push service may take before it counts as failed (and is retried). */
  readonly timeoutMs?: number;
  /** The push resolver (push-resolver.ts), shared with the subscribe route. */
  readonly resolveHost: ResolveHost;
  /** Injected in tests. */
  readonly now?: () => number;
}

export interface PushSender {
  sendRelease(release: Release): Promise<DeliverySummary>;
}

const ONE_DAY_S = 24 * 3600;

/**
 * A subscription whose alerts fail (DNS, TLS, timeouts, 5xx after the retries, other refusals)
 * this many times in a row, over at least FAILING_FOR_MS, is deleted: a dead endpoint costs a
 * DNS query, a connection and three tries on every release forever otherwise. The time floor
 * keeps an outage of one push service during a burst of releases from removing its subscribers.
 */
export const FAILURES_BEFORE_REMOVAL = 5;
export const FAILING_FOR_MS = 3 * 24 * 3600 * 1000;

/** Sends a new-release alert to every matching subscriber with bounded concurrency and retries. */
export function createPushSender(options: PushSenderOptions): PushSender {
  const { subscriptions, vapid, subject, allowLoopback, logger } = options;
  const concurrency = options.concurrency ?? 32;
  const maxAttempts = options.maxAttempts ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const refused = isPlaceholderVapidSubject(subject);
  const jwts = createVapidJwtCache(vapid, subject);
  // One agent: it keeps a pool per push service (host and port) by itself.
  const agent = new PushAgent({
    resolveHost: options.resolveHost,
    allowed: addressPolicy({ allowLoopback }),
    maxSockets: concurrency,
  });

  /** Counts one more failure in a row; deletes the subscription when it has kept failing long enough. */
  async function failed(sub: StoredSubscription): Promise<'failed' | 'removed'> {
    const { failures, failingSince } = (await subscriptions.recordFailure(sub.endpoint, new Date(now()))) ?? {
      failures: 0,
      failingSince: '',
    };
    if (failures < FAILURES_BEFORE_REMOVAL || now() - Date.parse(failingSince) < FAILING_FOR_MS) return 'failed';
    await subscriptions.remove(sub.endpoint);
    logger.info('push subscription removed after repeated failures', { endpoint: redactEndpoint(sub.endpoint), failures });
    return 'removed';
  }

  async function deliver(sub: StoredSubscription, payload: string): Promise<'sent' | 'failed' | 'removed'> {
    // Parsed again: a row stored under an older, laxer policy must not be sent to; the
    // normalised URL is what goes to web-push, whatever the row holds.
    const verdict = checkPushEndpoint(sub.endpoint, { allowLoopback });
    if (!verdict.ok) {
      await subscriptions.remove(sub.endpoint);
      return 'removed';
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await webpush.sendNotification({ endpoint: verdict.href, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
          // Typed as optional, but web-push reads `null` as "no VAPID of your own": the JWT cache
          // signs once per push service instead of once per message.
          vapidDetails: null as unknown as undefined,
          headers: { Authorization: jwts.authorizationFor(verdict.origin) },
          TTL: ONE_DAY_S,
          urgency: 'normal',
          topic: 'new-release',
          timeout: timeoutMs,
          agent,
        });
        if (sub.failures > 0) await subscriptions.recordSuccess(sub.endpoint);
        return 'sent';
      } catch (error) {
        const status = error instanceof WebPushError ? error.statusCode : 0;
        if (status === 404 || status === 410) {
          await subscriptions.remove(sub.endpoint);
          return 'removed';
        }
        // An endpoint whose host now resolves to a private address is not retried: DNS said no.
        const forbidden = (error as NodeJS.ErrnoException).code === FORBIDDEN_ADDRESS;
        const retryable = !forbidden && (status === 429 || status >= 500 || status === 0);
        if (!retryable || attempt >= maxAttempts) {
          const code = (error as NodeJS.ErrnoException).code;
          logger.warn('push failed', { endpoint: redactEndpoint(sub.endpoint), status, attempt, ...(code ? { code } : {}) });
          return failed(sub);
        }
        await sleep(retryDelay(error, attempt, retryBaseMs));
      }
    }
  }

  return {
    async sendRelease(release) {
      const payload = encodePushPayload(releaseAlert(release));
      const matching = (await subscriptions.list()).filter((sub) => wants(sub, release));
      if (refused) {
        logger.warn('release alert not sent: VAPID_SUBJECT is a placeholder', {
          releaseId: release.id,
          matched: matching.length,
        });
        return { matched: matching.length, sent: 0, failed: matching.length, removed: 0 };
      }
      const outcomes = await mapConcurrent(matching, concurrency, (sub) => deliver(sub, payload));
      const count = (o: string) => outcomes.filter((x) => x === o).length;
      const summary = { matched: matching.length, sent: count('sent'), failed: count('failed'), removed: count('removed') };
      logger.info('release alert sent', { releaseId: release.id, ...summary });
      return summary;
    },
  };
}

function wants(sub: StoredSubscription, release: Release): boolean {
  const { kinds, artists } = sub.preferences;
  if (kinds && !kinds.includes(release.kind)) return false;
  if (artists && !artists.some((a) => a.toLowerCase() === release.artist.toLowerCase())) return false;
  return true;
}

/** Retry-After (seconds) when the push service gives one, capped; else exponential backoff. */
function retryDelay(error: unknown, attempt: number, baseMs: number): number {
  const header = error instanceof WebPushError ? error.headers['retry-after'] : undefined;
  const seconds = Number(header);
  if (header !== undefined && Number.isFinite(seconds)) return Math.min(seconds * 1000, 30_000);
  return baseMs * 2 ** (attempt - 1);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
