import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { postgresBinDir, startPostgresCluster } from '../../server/test/postgres-cluster.js';
import { PushService } from '../fixtures/push-service.js';
import { copySampleMedia, followDelivery, newAlbumFrom, publishRelease } from '../fixtures/sample-release.js';
import { ServerProcess } from '../fixtures/server-process.js';

const SUBSCRIBERS = 120;

// Two server processes on one PostgreSQL database, as an operator runs them behind a balancer.
// Every push answer takes 1.5 s, so the fan-out is still going when one process is SIGKILLed.
test('two servers on one PostgreSQL: shared subscriptions and rate limit, and a process killed mid-fan-out loses no alert', async () => {
  test.skip(
    !postgresBinDir() && process.env['STOWAWAY_REQUIRE_POSTGRES'] !== '1',
    'PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it',
  );
  test.setTimeout(180_000);
  const cluster = await startPostgresCluster();
  const push = new PushService();
  await push.start();
  const mediaDir = copySampleMedia();
  const env = {
    DATABASE_URL: await cluster.createDatabase(),
    PUSH_ALLOW_LOOPBACK: '1',
    NODE_EXTRA_CA_CERTS: push.certFile,
    WRITE_RATE_LIMIT: String(SUBSCRIBERS + 1),
  };
  const a = new ServerProcess({ mediaDir, env });
  const b = new ServerProcess({ mediaDir, env });
  try {
    await a.start();
    // One VAPID key pair for the deployment: the second process gets the first one's.
    copyFileSync(path.join(a.dataDir, 'vapid.json'), path.join(b.dataDir, 'vapid.json'));
    await b.start();
    push.serverPublicKey = ((await (await fetch(`${a.origin}/api/push/key`)).json()) as { publicKey: string }).publicKey;
    expect(((await (await fetch(`${b.origin}/api/push/key`)).json()) as { publicKey: string }).publicKey).toBe(
      push.serverPublicKey,
    );

    // Subscribed on either process, alternately; the rate limit counts them together.
    const subscriptions = Array.from({ length: SUBSCRIBERS }, () => push.createSubscription());
    for (const [n, subscription] of subscriptions.entries()) {
      push.answer(subscription.id, [{ status: 201, delayMs: 1500 }]);
      expect((await push.subscribeAt((n % 2 ? b : a).origin, subscription)).status).toBe(201);
    }
    expect((await push.subscribeAt(b.origin, push.createSubscription())).status).toBe(201); // the last one allowed
    expect((await push.subscribeAt(a.origin, push.createSubscription())).status).toBe(429);
    expect((await push.subscribeAt(b.origin, push.createSubscription())).status).toBe(429);

    const published = await publishRelease(a.origin, newAlbumFrom(mediaDir, 'harbour-lights', 'two-servers', 'Two Servers'));
    expect(published.status).toBe(201);
    // Both processes work the queue; the second dies with alerts in hand.
    await expect.poll(() => push.received.length, { timeout: 30_000 }).toBeGreaterThan(10);
    await b.stop('SIGKILL');

    // The survivor finishes: its own jobs, and the dead one's once their lease (30 s) runs out.
    const delivery = await followDelivery(a.origin, 'two-servers', 150_000);
    const received = new Map<string, number>();
    for (const message of push.received) received.set(message.subscriptionId, (received.get(message.subscriptionId) ?? 0) + 1);
    const duplicates = push.received.length - received.size;
    console.log(JSON.stringify({ delivery, received: push.received.length, duplicates }));
    // Subscriptions made on either process were all matched, and every one got the alert.
    expect(delivery).toMatchObject({ matched: SUBSCRIBERS + 1, sent: SUBSCRIBERS + 1, failed: 0, removed: 0, pending: 0 });
    expect(received.size).toBe(SUBSCRIBERS + 1);
    // A copy is sent twice only where the killed process had posted it without recording it:
    // the status counts those (and posts it had not finished) as resent.
    expect(delivery.resent).toBeGreaterThanOrEqual(duplicates);
    expect(push.rejected).toEqual([]);
  } finally {
    await Promise.all([a.dispose(), b.dispose()]);
    await push.stop();
    await cluster.stop();
  }
});
