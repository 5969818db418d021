import net from 'node:net';
import webpush from 'web-push';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleAlbum } from '#common/sample-album.fixture';
import { silentLogger } from '../logger.js';
import type { Repository } from '../storage/repository.js';
import { subscriptionBody } from '../test/push-fixtures.js';
import { openTestRepository } from '../test/test-repository.js';
import { VAPID_SUBJECT } from '../test/test-server.js';
import { createPushSender, FAILING_FOR_MS, FAILURES_BEFORE_REMOVAL } from './push-sender.js';

// A push service that is never there: a TCP listener that drops every connection (so TLS fails),
// counting connections. Loopback is allowed as behind PUSH_ALLOW_LOOPBACK.
let service: net.Server;
let connections = 0;
let endpoint = '';
let repository: Repository;
let clock = Date.parse('2026-11-01T00:00:00Z');

beforeAll(async () => {
  service = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(service.address() as net.AddressInfo).port}/push/1`;
});
afterAll(() => service.close());
afterEach(() => repository.close());
beforeEach(async () => {
  repository = await openTestRepository();
  connections = 0;
});

const sender = (subject = VAPID_SUBJECT) =>
  createPushSender({
    subscriptions: repository.subscriptions,
    vapid: webpush.generateVAPIDKeys(),
    subject,
    allowLoopback: true,
    logger: silentLogger,
    resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
    now: () => clock,
  });

const subscribe = async (url: string) => {
  const { keys } = subscriptionBody(url);
  await repository.subscriptions.upsert({ endpoint: url, p256dh: keys.p256dh, auth: keys.auth, preferences: {} });
  return stored(url);
};

const stored = async (url: string) => {
  const sub = await repository.subscriptions.get(url);
  if (!sub) throw new Error(`${url} is not stored`);
  return sub;
};

/** One try, and when the push service asked to try later and this was the last try, giving up. */
const lastTry = async (send: ReturnType<typeof sender>, url: string) => {
  const sub = await stored(url);
  const outcome = await send.sendOnce(sub, send.payloadFor(sampleAlbum()));
  return outcome === 'retry' ? send.giveUp(sub) : outcome;
};

describe('the push sender', () => {
  it('sends nothing with a placeholder VAPID subject, and says the alert failed', async () => {
    const sub = await subscribe(endpoint);
    const refused = sender('mailto:operator@stowaway.invalid');
    expect(await refused.sendOnce(sub, refused.payloadFor(sampleAlbum()))).toBe('failed');
    expect(connections).toBe(0);
    // A real subject connects; the connection is dropped, which is worth another try later.
    const real = sender();
    expect(await real.sendOnce(sub, real.payloadFor(sampleAlbum()))).toBe('retry');
    expect(connections).toBe(1);
  });

  it('removes a stored endpoint that the policy now refuses, without connecting anywhere', async () => {
    const sub = await subscribe('https://127.0.0.1;x.push.apple.com/p');
    const send = sender();
    expect(await send.sendOnce(sub, send.payloadFor(sampleAlbum()))).toBe('removed');
    expect(connections).toBe(0);
    expect(await repository.subscriptions.count()).toBe(0);
  });

  it(`removes a subscription after ${FAILURES_BEFORE_REMOVAL} failures in a row over at least three days, not before`, async () => {
    await subscribe(endpoint);
    const send = sender();
    for (let n = 1; n < FAILURES_BEFORE_REMOVAL; n++) expect(await lastTry(send, endpoint)).toBe('failed');
    // Five in a row, but within an hour: a push service's outage must not cost its subscribers.
    expect(await lastTry(send, endpoint)).toBe('failed');
    expect(await repository.subscriptions.get(endpoint)).toMatchObject({ failures: FAILURES_BEFORE_REMOVAL });
    clock += FAILING_FOR_MS;
    expect(await lastTry(send, endpoint)).toBe('removed');
    expect(await repository.subscriptions.count()).toBe(0);
  });

  it('starts counting again after a success', async () => {
    await subscribe(endpoint);
    await repository.subscriptions.recordFailure(endpoint, new Date(clock));
    await repository.subscriptions.recordSuccess(endpoint);
    expect(await repository.subscriptions.get(endpoint)).toMatchObject({ failures: 0, failingSince: null });
  });
});
