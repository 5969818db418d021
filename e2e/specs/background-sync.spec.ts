import { expect, test } from '@playwright/test';
import { DATABASES } from '#common/databases';
import { DEVICE_KEY_HEADER } from '#common/device-key';
import { API } from '#common/routes';
import { SYNC_TAGS } from '#common/sync-tags';
import { startInstalledAppSession } from '../fixtures/app-session.js';
import { copySampleMedia, newAlbumFrom, publishRelease } from '../fixtures/sample-release.js';

// What must hold: with the app installed and background refresh on, a periodic sync fetches the
// catalog, so a release published meanwhile is in the library with the server gone afterwards.
test('periodic sync refreshes the catalog in the background', async () => {
  const mediaDir = copySampleMedia();
  const { server, page, cdp, registrationId, tearDown } = await startInstalledAppSession({ mediaDir });
  try {
    await page.goto(`${server.origin}/settings`);
    await page.getByRole('checkbox', { name: /Refresh the catalog in the background/ }).check();
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).periodicSync?.getTags()))
      .toEqual(['stowaway-catalog-refresh']);

    const release = newAlbumFrom(mediaDir, 'signal-garden', 'signal-garden-remixes', 'Signal Garden Remixes');
    const published = await publishRelease(server.origin, release);
    expect(published.status).toBe(201);

    await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', {
      origin: server.origin,
      registrationId,
      tag: 'stowaway-catalog-refresh',
    });
    // Settings, still open, shows the time of that refresh once the SW has finished it.
    await expect(page.locator('[data-last-refresh]')).not.toHaveText('not yet', { timeout: 15_000 });

    await server.stop();
    await page.goto(`${server.origin}/`);
    await expect(page.getByText(/^You are offline\./)).toBeVisible();
    await expect(page.getByRole('link', { name: /Signal Garden Remixes/ })).toBeVisible();
  } finally {
    await tearDown();
  }
});

// What must hold: actions taken offline reach the server once each, in order, when sync fires.
test('following and favouriting offline reach the server exactly once after a sync', async () => {
  const { server, page, cdp, registrationId, tearDown } = await startInstalledAppSession();
  try {
    await page.goto(`${server.origin}/releases/harbour-lights`);
    await expect(page.getByRole('heading', { name: 'Harbour Lights' })).toBeVisible();

    await server.stop();
    await page.getByRole('button', { name: 'Follow The Stowaways' }).click();
    await page.getByRole('button', { name: 'Favourite Low Tide' }).click();
    await expect(page.getByRole('button', { name: 'Following The Stowaways' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Favourite Low Tide' })).toHaveAttribute('aria-pressed', 'true');

    await server.start();
    // The device's id and key, as the app keeps them; the library is readable only with the key.
    const [deviceId, deviceKey] = await page.evaluate(
      ({ database, store }) =>
        Promise.all(
          ['deviceId', 'deviceKey'].map(
            (name) =>
              new Promise<string | undefined>((resolve) => {
                const open = indexedDB.open(database);
                open.onsuccess = () => {
                  const get = open.result.transaction(store).objectStore(store).get(name);
                  get.onsuccess = () => resolve(get.result as string | undefined);
                };
              }),
          ),
        ),
      DATABASES.state,
    );
    const libraryUrl = `${server.origin}${API.library(deviceId ?? '')}`;
    const withKey = { headers: { [DEVICE_KEY_HEADER]: deviceKey ?? '' } };
    const library = async () => (await (await fetch(libraryUrl, withKey)).json()) as object;
    // Nothing has reached the server yet: it does not know the device at all.
    expect((await fetch(libraryUrl, withKey)).status).toBe(403);

    for (let replay = 0; replay < 2; replay++) {
      await cdp.send('ServiceWorker.dispatchSyncEvent', {
        origin: server.origin,
        registrationId,
        tag: SYNC_TAGS.outbox,
        lastChance: false,
      });
      await expect.poll(library).toEqual({
        follows: ['The Stowaways'],
        favourites: ['/media/albums/harbour-lights/01-low-tide.webm'],
        recentlyPlayed: [],
      });
    }
    // Whoever knows the device id but not its key reads nothing.
    expect((await fetch(libraryUrl)).status).toBe(403);
    expect((await fetch(libraryUrl, { headers: { [DEVICE_KEY_HEADER]: 'x'.repeat(43) } })).status).toBe(403);
    const outbox = await page.evaluate(
      ({ database, store }) =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open(database);
          open.onsuccess = () => {
            const count = open.result.transaction(store).objectStore(store).count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
      DATABASES.outbox,
    );
    expect(outbox).toBe(0);
  } finally {
    await tearDown();
  }
});
