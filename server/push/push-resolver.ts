import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { LRUCache } from 'lru-cache';
import type { ResolvedAddress, ResolveHost } from './endpoint-address.js';

export interface PushResolverOptions {
  /** The longest one host's lookup may take; after it, the lookup fails (ETIMEOUT). */
  readonly timeoutMs: number;
  /** Where answers come from: c-ares by default, a fake in tests. */
  readonly resolve?: ResolveHost;
  /** Injected in tests. */
  readonly now?: () => number;
}

/** Answers are kept for their DNS TTL, within these bounds; a failure for NEGATIVE_MS. */
const MIN_TTL_MS = 30_000;
const MAX_TTL_MS = 300_000;
const NEGATIVE_MS = 30_000;
const MAX_HOSTS = 1000;

type Cached = { readonly addresses: readonly ResolvedAddress[] } | { readonly error: NodeJS.ErrnoException };

/**
 * The resolver for push hosts, at subscribe time and at connect time. `dns.lookup` runs
 * getaddrinfo on libuv's four shared threads, so a few names whose DNS never answers stall every
 * lookup (and file access) behind them; c-ares queries are asynchronous and have their own
 * timeout. Answers and failures are cached, and concurrent lookups of one host share one query,
 * so a fan-out to thousands of subscribers of one push service costs one query.
 */
export function createPushResolver(options: PushResolverOptions): ResolveHost {
  const resolve = options.resolve ?? caresResolveHost(options.timeoutMs);
  const cache = new LRUCache<string, Cached>({
    max: MAX_HOSTS,
    ttl: MAX_TTL_MS, // each entry sets its own below
    ttlResolution: 0,
    perf: options.now ? { now: options.now } : undefined,
    fetchMethod: async (host, _stale, { options: entry }) => {
      const answer = await withTimeout(resolve(host), options.timeoutMs, host).then(
        (addresses) => ({ addresses }),
        (error: NodeJS.ErrnoException) => ({ error }),
      );
      entry.ttl = 'error' in answer ? NEGATIVE_MS : ttlOf(answer.addresses);
      return answer;
    },
  });
  return async (host) => {
    // Never asked of DNS: an address is itself, and localhost is loopback (RFC 6761).
    if (isIP(host)) return [{ address: host, family: isIP(host) }];
    if (host === 'localhost') return LOCALHOST;
    const answer = await cache.fetch(host.toLowerCase());
    if (!answer || 'error' in answer) throw answer?.error ?? new Error(`no answer for ${host}`);
    return answer.addresses;
  };
}

const LOCALHOST: readonly ResolvedAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

function ttlOf(addresses: readonly ResolvedAddress[]): number {
  const seconds = Math.min(...addresses.map((a) => a.ttl ?? 0));
  return Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, seconds * 1000));
}

function withTimeout<T>(promise: Promise<T>, ms: number, host: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`DNS for ${host} did not answer within ${ms} ms`), { code: 'ETIMEOUT' })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A and AAAA from c-ares, with TTLs; fails only when neither answers. */
function caresResolveHost(timeoutMs: number): ResolveHost {
  const resolver = new Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 2)), tries: 2 });
  return async (host) => {
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(host, { ttl: true }), resolver.resolve6(host, { ttl: true })]);
    const addresses = [
      ...(v4.status === 'fulfilled' ? v4.value.map((r) => ({ address: r.address, family: 4, ttl: r.ttl })) : []),
      ...(v6.status === 'fulfilled' ? v6.value.map((r) => ({ address: r.address, family: 6, ttl: r.ttl })) : []),
    ];
    if (addresses.length === 0) throw v4.status === 'rejected' ? v4.reason : new Error(`${host} has no address`);
    return addresses;
  };
}
