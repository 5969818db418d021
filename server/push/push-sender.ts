import webpush, { WebPushError } from 'web-push';
import type { Release } from '#common/catalog';
import { encodePushPayload } from '#common/push-payload';
import type { Logger } from '../logger.js';
import type { StoredSubscription, SubscriptionStore } from '../storage/repository.js';
import type { VapidKeys } from '../secrets/load-secrets.js';
import { addressPolicy, FORBIDDEN_ADDRESS, type ResolveHost } from './endpoint-address.js';
import { checkPushEndpoint, redactEndpoint } from './endpoint-policy.js';
import { PushAgent } from './push-agent.js';
import { releaseAlert } from './release-alert.js';
import { isPlaceholderVapidSubject } from './vapid-subject.js';
import { createVapidJwtCache } from './vapid-jwt-cache.js';

/**
 * What one try at one subscriber came to. `retry`: the push service said 429 or 5xx, or did not
 * answer in time: the queue tries again later. `failed`: refused for good, or the last try of a
 * `retry` (see `giveUp`). `removed`: the subscription is deleted (404/410, or an endpoint the
 * policy no longer allows, or failures that went on too long).
 */
export type PushOutcome = 'sent' | 'retry' | 'failed' | 'removed';

export interface PushSenderOptions {
  readonly subscriptions: SubscriptionStore;
  readonly vapid: VapidKeys;
  readonly subject: string;
  readonly allowLoopback: boolean;
  readonly logger: Logger;
  /** Connections per push service. */
  readonly concurrency?: number;
  /** How long one request to a push service may take before it counts as failed (and is retried). */
  readonly timeoutMs?: number;
  /** The push resolver (push-resolver.ts), shared with the subscribe route. */
  readonly resolveHost: ResolveHost;
  /** Injected in tests. */
  readonly now?: () => number;
}

export interface PushSender {
  /** The alert's encrypted-to-be payload for a release: ids and short text (release-alert.ts). */
  payloadFor(release: Release): string;
  /** One try at one subscriber; the queue (server/delivery) retries, with backoff. */
  sendOnce(sub: StoredSubscription, payload: string): Promise<PushOutcome>;
  /** After the last try of a `retry`: one more failure in a row, which may remove the subscription. */
  giveUp(sub: StoredSubscription): Promise<'failed' | 'removed'>;
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

/** Sends new-release alerts, one subscriber and one try at a time; the queue does the rest. */
export function createPushSender(options: PushSenderOptions): PushSender {
  const { subscriptions, vapid, subject, allowLoopback, logger } = options;
  const concurrency = options.concurrency ?? 32;
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

  async function sendOnce(sub: StoredSubscription, payload: string): Promise<PushOutcome> {
    if (refused) return 'failed';
    // Parsed again: a row stored under an older, laxer policy must not be sent to; the
    // normalised URL is what goes to web-push, whatever the row holds.
    const verdict = checkPushEndpoint(sub.endpoint, { allowLoopback });
    if (!verdict.ok) {
      await subscriptions.remove(sub.endpoint);
      return 'removed';
    }
    try {
      await webpush.sendNotification({ endpoint: verdict.href, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
        // Typed as optional, but web-push reads `null` as "no VAPID of your own": the JWT cache
        // signs once per push service instead of once per message.
        vapidDetails: null as unknown as undefined,
        headers: { Authorization: jwts.authorizationFor(verdict.origin) },
        TTL: ONE_DAY_S,
        urgency: 'normal',
        // One topic: a push service keeps only the newest undelivered alert with it, so a resend
        // after a worker died mid-send replaces the first copy rather than adding one.
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
      const code = (error as NodeJS.ErrnoException).code;
      logger.warn('push failed', { endpoint: redactEndpoint(sub.endpoint), status, ...(code ? { code } : {}) });
      if (!forbidden && (status === 429 || status >= 500 || status === 0)) return 'retry';
      return failed(sub);
    }
  }

  return {
    payloadFor: (release) => encodePushPayload(releaseAlert(release)),
    sendOnce,
    giveUp: failed,
  };
}

/** Whether a subscriber's preferences ask for this release's alert. */
export function wants(sub: StoredSubscription, release: Release): boolean {
  const { kinds, artists } = sub.preferences;
  if (kinds && !kinds.includes(release.kind)) return false;
  if (artists && !artists.some((a) => a.toLowerCase() === release.artist.toLowerCase())) return false;
  return true;
}
