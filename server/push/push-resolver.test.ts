import { describe, expect, it } from 'vitest';
import type { ResolveHost } from './endpoint-address.js';
import { createPushResolver } from './push-resolver.js';

/** A fake DNS: `hang` never answers, anything else answers at once with one public address. */
function fakeDns() {
  const queries: string[] = [];
  const resolve: ResolveHost = (host) => {
    queries.push(host);
    if (host.startsWith('hang.')) return new Promise(() => {});
    return Promise.resolve([{ address: '8.8.8.8', family: 4, ttl: 60 }]);
  };
  return { queries, resolve };
}

describe('the push resolver', () => {
  it('asks DNS once per host: concurrent and later lookups share the answer', async () => {
    const dns = fakeDns();
    const lookup = createPushResolver({ timeoutMs: 200, resolve: dns.resolve });
    const answers = await Promise.all(Array.from({ length: 50 }, () => lookup('fcm.googleapis.com')));
    await lookup('FCM.googleapis.com');
    expect(answers.every((a) => a[0]?.address === '8.8.8.8')).toBe(true);
    expect(dns.queries).toEqual(['fcm.googleapis.com']);
  });

  it('gives up on a host whose DNS never answers at its own timeout, once, and remembers the failure for a while', async () => {
    const dns = fakeDns();
    const lookup = createPushResolver({ timeoutMs: 150, resolve: dns.resolve });
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => lookup('hang.push.apple.com')));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(results.every((r) => r.status === 'rejected' && (r.reason as NodeJS.ErrnoException).code === 'ETIMEOUT')).toBe(true);
    await expect(lookup('hang.push.apple.com')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    expect(dns.queries).toEqual(['hang.push.apple.com']);
  });

  it('does not let a hanging host delay another: the fan-out to a healthy service goes on meanwhile', async () => {
    const dns = fakeDns();
    const lookup = createPushResolver({ timeoutMs: 5000, resolve: dns.resolve });
    const hanging = Array.from({ length: 50 }, (_, n) => lookup(`hang.${n}.notify.windows.com`).catch(() => 'failed'));
    const started = Date.now();
    await Promise.all(Array.from({ length: 50 }, () => lookup('web.push.apple.com')));
    expect(Date.now() - started).toBeLessThan(100);
    expect(hanging).toHaveLength(50);
  });

  it('keeps an answer for its TTL (at least 30 s) and asks again after', async () => {
    let clock = 1_000_000;
    const dns = fakeDns();
    const lookup = createPushResolver({ timeoutMs: 200, resolve: dns.resolve, now: () => clock });
    await lookup('updates.push.services.mozilla.com');
    clock += 59_000;
    await lookup('updates.push.services.mozilla.com');
    expect(dns.queries).toHaveLength(1);
    clock += 2_000;
    await lookup('updates.push.services.mozilla.com');
    expect(dns.queries).toHaveLength(2);
  });

  it('never asks DNS about an address or localhost', async () => {
    const dns = fakeDns();
    const lookup = createPushResolver({ timeoutMs: 200, resolve: dns.resolve });
    expect(await lookup('127.0.0.1')).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect((await lookup('localhost')).map((a) => a.address)).toEqual(['127.0.0.1', '::1']);
    expect(dns.queries).toEqual([]);
  });
});
