import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { PushAnswer } from '../fixtures/push-service.js';
import { startPushSession } from '../fixtures/push-session.js';
import { followDelivery, newAlbumFrom, outcome, publishAndFollow, publishRelease } from '../fixtures/sample-release.js';
import { E2E_ADMIN_TOKEN } from '../fixtures/server-process.js';

// What must survive a misbehaving push service: the fan-out finishes, each subscriber gets a bounded
// number of tries, dead subscriptions go, live ones stay, and the API answers everyone meanwhile.
test('a slow, hanging, failing and rate-limiting push service: the sender keeps going and the API stays up', async () => {
  test.setTimeout(90_000);
  const { push, server, mediaDir, tearDown } = await startPushSession({ PUSH_TIMEOUT_MS: '800' });
  try {
    const behaviours: Record<string, PushAnswer[]> = {
      healthy: [201],
      slow: [{ status: 201, delayMs: 400 }],
      hangsOnce: ['hang', 201],
      alwaysHangs: ['hang', 'hang', 'hang', 'hang'],
      flaky: [500, 503, 201],
      rateLimited: [{ status: 429, retryAfterS: 1 }, 201],
      gone: [410],
      broken: [502, 502, 502, 502],
    };
    const ids: Record<string, string> = {};
    for (const [name, answers] of Object.entries(behaviours)) {
      const subscription = push.createSubscription();
      ids[name] = subscription.id;
      push.answer(subscription.id, answers);
      expect((await push.subscribeAt(server.origin, subscription)).status).toBe(201);
    }

    // The publish answers at once: the alert is queued, not sent while the operator waits.
    const published = await publishRelease(
      server.origin,
      newAlbumFrom(mediaDir, 'harbour-lights', 'storm-season', 'Storm Season'),
    );
    expect(published.status).toBe(201);
    expect(['queued', 'sending']).toContain(((await published.json()) as { delivery: { state: string } }).delivery.state);
    // While the fan-out waits on the hanging service, readers and new subscribers are served.
    await expect.poll(() => push.attempts.get(ids.alwaysHangs ?? '') ?? 0).toBeGreaterThan(0);
    for (let round = 0; round < 5; round++) {
      expect((await fetch(`${server.origin}/api/catalog`)).status).toBe(200);
      expect((await fetch(`${server.origin}/api/health`)).status).toBe(200);
    }
    const newcomer = push.createSubscription();
    expect((await push.subscribeAt(server.origin, newcomer)).status).toBe(201);
    expect(outcome(await followDelivery(server.origin, 'storm-season'))).toEqual({ matched: 8, sent: 5, failed: 2, removed: 1 });
    const attempts = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, push.attempts.get(id)]));
    expect(attempts).toEqual({
      healthy: 1,
      slow: 1,
      hangsOnce: 2,
      alwaysHangs: 3,
      flaky: 3,
      rateLimited: 2,
      gone: 1,
      broken: 3,
    });
    expect(push.rejected).toEqual([]);

    // Only the 410 subscription is gone: the next release reaches everyone else, the newcomer too.
    const next = await publishAndFollow(server.origin, newAlbumFrom(mediaDir, 'harbour-lights', 'calm-season', 'Calm Season'));
    expect(outcome(next)).toEqual({ matched: 8, sent: 8, failed: 0, removed: 0 });

    // The logs say what failed without handing out capability URLs or secrets.
    const vapid = JSON.parse(readFileSync(path.join(server.dataDir, 'vapid.json'), 'utf8')) as { privateKey: string };
    expect(server.output).toContain('"message":"push failed"');
    for (const secret of [...Object.values(ids), newcomer.id, E2E_ADMIN_TOKEN, vapid.privateKey]) {
      expect(server.output).not.toContain(secret);
    }
  } finally {
    await tearDown();
  }
});
