import https from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { Release } from '#common/catalog';
import { encodePushPayload } from '#common/push-payload';
import type { Logger } from '../logger.js';
import type { StoredSubscription, SubscriptionStore } from '../storage/repository.js';
import type { VapidKeys } from '../secrets/load-secrets.js';
import { publicOnlyLookup, systemResolveHost, type ResolveHost } from './endpoint-address.js';
import { checkPushEndpoint, redactEndpoint } from './endpoint-policy.js';
import { mapConcurrent } from './map-concurrent.js';
import { releaseAlert } from './release-alert.js';
import { createVapidJwtCache } from './vapid-jwt-cache.js';

export interface DeliverySummary {
  /** Subscriptions whose preferences matched the release. */
  readonly matched: number;
  readonly sent: number;
  readonly failed: number;
  /** Deleted because the push service said 404/410, or because the endpoint is no longer allowed. */
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
  readonly resolveHost?: ResolveHost;
}

export interface PushSender {
  sendRelease(release: Release): Promise<DeliverySummary>;
}

const ONE_DAY_S = 24 * 3600;

/** Sends a new-release alert to every matching subscriber with bounded concurrency and retries. */
export function createPushSender(options: PushSenderOptions): PushSender {
  const { subscriptions, vapid, subject, allowLoopback, logger } = options;
  const concurrency = options.concurrency ?? 32;
  const maxAttempts = options.maxAttempts ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lookup = publicOnlyLookup(options.resolveHost ?? systemResolveHost, { allowLoopback });
  const jwts = createVapidJwtCache(vapid, subject);
  const agents = new Map<string, https.Agent>();
  const agentFor = (host: string): https.Agent => {
    let agent = agents.get(host);
    if (!agent) agents.set(host, (agent = new https.Agent({ keepAlive: true, maxSockets: concurrency, lookup })));
    return agent;
  };

  async function deliver(sub: StoredSubscription, payload: string): Promise<'sent' | 'failed' | 'removed'> {
    const verdict = checkPushEndpoint(sub.endpoint, { allowLoopback });
    if (!verdict.ok) {
      subscriptions.remove(sub.endpoint);
      return 'removed';
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
          // Typed as optional, but web-push reads `null` as "no VAPID of your own": the JWT cache
          // signs once per push service instead of once per message.
          vapidDetails: null as unknown as undefined,
          headers: { Authorization: jwts.authorizationFor(verdict.url.origin) },
          TTL: ONE_DAY_S,
          urgency: 'normal',
          topic: 'new-release',
          timeout: timeoutMs,
          agent: agentFor(verdict.url.host),
        });
        return 'sent';
      } catch (error) {
        const status = error instanceof WebPushError ? error.statusCode : 0;
        if (status === 404 || status === 410) {
          subscriptions.remove(sub.endpoint);
          return 'removed';
        }
        // An endpoint whose host now resolves to a private address is not retried: DNS said no.
        const forbidden = (error as NodeJS.ErrnoException).code === 'EFORBIDDENADDRESS';
        const retryable = !forbidden && (status === 429 || status >= 500 || status === 0);
        if (!retryable || attempt >= maxAttempts) {
          logger.warn('push failed', { endpoint: redactEndpoint(sub.endpoint), status, attempt });
          return 'failed';
        }
        await sleep(retryDelay(error, attempt, retryBaseMs));
      }
    }
  }

  return {
    async sendRelease(release) {
      const payload = encodePushPayload(releaseAlert(release));
      const matching = subscriptions.list().filter((sub) => wants(sub, release));
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
