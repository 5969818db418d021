import { expect, test } from '@playwright/test';
import { startInstalledAppSession } from '../fixtures/app-session.js';
import { PushService } from '../fixtures/push-service.js';
import { copySampleMedia, newAlbumFrom, outcome, publishAndFollow } from '../fixtures/sample-release.js';

// The whole alert path with nothing mocked: the server encrypts and signs for a subscription whose
// endpoint is a local push service, which checks and decrypts; CDP hands the plaintext to the SW.
test('a published release reaches the SW as a notification, sets the badge, and a click opens it', async () => {
  const push = new PushService();
  await push.start();
  const mediaDir = copySampleMedia();
  const { server, chromium, page, cdp, registrationId, tearDown } = await startInstalledAppSession({
    mediaDir,
    env: { PUSH_ALLOW_LOOPBACK: '1', NODE_EXTRA_CA_CERTS: push.certFile },
  });
  const { context } = chromium;
  const publish = async (id: string, title: string) =>
    outcome(await publishAndFollow(server.origin, newAlbumFrom(mediaDir, 'harbour-lights', id, title)));
  try {
    push.serverPublicKey = ((await (await fetch(`${server.origin}/api/push/key`)).json()) as { publicKey: string }).publicKey;

    const subscription = push.createSubscription();
    const subscribed = await push.subscribeAt(server.origin, subscription);
    expect(subscribed.status).toBe(201);

    expect(await publish('harbour-lights-live', 'Harbour Lights Live')).toEqual({ matched: 1, sent: 1, failed: 0, removed: 0 });
    expect(push.rejected).toEqual([]);
    const [message] = push.received;
    expect(message).toMatchObject({ ttl: '86400', urgency: 'normal', topic: 'new-release' });
    expect(JSON.parse(message?.plaintext ?? '{}')).toMatchObject({ type: 'new-release', releaseId: 'harbour-lights-live' });

    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.origin, registrationId, data: message?.plaintext ?? '' });
    await expect
      .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title)))
      .toEqual(['New album: Harbour Lights Live']);
    await expect.poll(() => chromium.badgeCount(server.origin)).toBe(1);
    // The push also refreshed the catalog: the new release is in the library.
    await page.goto(`${server.origin}/releases/harbour-lights-live`);
    await expect(page.getByRole('heading', { name: 'Harbour Lights Live' })).toBeVisible();

    // The click, dispatched to the real SW with the real notification.
    await page.goto(`${server.origin}/settings`);
    const [worker] = context.serviceWorkers();
    await worker?.evaluate(async () => {
      // Runs inside the SW; typed loosely because e2e/ compiles against the DOM library.
      const scope = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean };
      const NotificationEventClass = (self as unknown as { NotificationEvent: new (type: string, init: object) => Event })
        .NotificationEvent;
      const [notification] = await scope.registration.getNotifications();
      if (notification) scope.dispatchEvent(new NotificationEventClass('notificationclick', { notification }));
    });
    await page.waitForURL(`${server.origin}/releases/harbour-lights-live`);
    await expect(page.getByRole('heading', { name: 'Harbour Lights Live' })).toBeVisible();

    // Knowing the endpoint is not enough to turn someone's alerts off: the DELETE needs the
    // subscription's auth secret, and one with another secret changes nothing.
    const forged = await push.unsubscribeAt(server.origin, subscription, push.createSubscription().keys.auth);
    expect(forged.status).toBe(204);

    // 429 is retried (the second try gets through); 410 removes the subscription.
    push.answer(subscription.id, [429, 201]);
    expect(await publish('harbour-lights-encore', 'Harbour Lights Encore')).toEqual({
      matched: 1,
      sent: 1,
      failed: 0,
      removed: 0,
    });
    push.answer(subscription.id, [410]);
    expect(await publish('harbour-lights-finale', 'Harbour Lights Finale')).toEqual({
      matched: 1,
      sent: 0,
      failed: 0,
      removed: 1,
    });
    expect(await publish('harbour-lights-after', 'Harbour Lights After')).toEqual({ matched: 0, sent: 0, failed: 0, removed: 0 });
  } finally {
    await tearDown();
    await push.stop();
  }
});
