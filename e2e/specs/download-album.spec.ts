import { expect, test, type Page } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { cachedMediaUrls, downloadThroughUi, ledgerRecord } from '../fixtures/download-helpers.js';

const TRACK_3 = '/media/albums/harbour-lights/03-night-ferry.webm';

/** With the server gone: play the third track, seek near its end, and check the SW answered 206. */
async function playAndSeekOffline(page: Page, origin: string): Promise<void> {
  const fromSw: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith(TRACK_3) && response.fromServiceWorker()) fromSw.push(response.status());
  });
  await page.goto(`${origin}/releases/harbour-lights`);
  await expect(page.getByText('Available offline')).toBeVisible();
  await page.getByRole('button', { name: 'Play Night Ferry' }).click();
  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible();
  const seek = page.getByRole('slider', { name: 'Seek' });
  await seek.fill('19');
  await seek.dispatchEvent('change');
  // Playback goes on from the new position: the clock passes 0:20 (the track is 22 s long).
  await expect(page.locator('mini-player').getByText(/^0:2[0-2]$/)).toBeVisible({ timeout: 10_000 });
  expect(fromSw).toContain(206);
  expect(fromSw.every((s) => s === 200 || s === 206)).toBe(true);
}

for (const engine of ['background-fetch', 'fallback'] as const) {
  test(`${engine}: download an album through the UI, then play and seek it with the server stopped`, async () => {
    const { page, server, proxy, tearDown } = await startAppSession({ withoutBackgroundFetch: engine === 'fallback' });
    try {
      // A dropped connection in the middle of a part: the download resumes (Range) or refetches.
      proxy.dropOnce('/media/albums/harbour-lights/02-lantern-swell.webm', 100_000);
      await downloadThroughUi(page, proxy.origin, 'harbour-lights');
      expect(await ledgerRecord(page, 'harbour-lights')).toMatchObject({ state: 'done', engine });
      expect((await cachedMediaUrls(page, 'albums/harbour-lights')).sort()).toHaveLength(4);
      if (engine === 'fallback') {
        const resumed = proxy.requests.filter((r) => r.path.endsWith('02-lantern-swell.webm'));
        // The retry asks only for the rest: from wherever the cut left it (bytes in flight are lost).
        expect(resumed.length, JSON.stringify(resumed)).toBeGreaterThanOrEqual(2);
        expect(resumed[0]?.range).toBeUndefined();
        for (const retry of resumed.slice(1)) {
          const from = Number(/^bytes=(\d+)-$/.exec(retry.range ?? '')?.[1]);
          expect(from, JSON.stringify(resumed)).toBeGreaterThan(0);
          expect(from).toBeLessThanOrEqual(100_000);
        }
      }

      await server.stop();
      await page.reload();
      await playAndSeekOffline(page, proxy.origin);
    } finally {
      await tearDown();
    }
  });
}
