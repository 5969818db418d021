import { expect, test, type Page } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { cachedMediaUrls, downloadThroughUi, ledgerRecord } from '../fixtures/download-helpers.js';
import { samplePartCount } from '../fixtures/sample-release.js';

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
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
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
  // What must hold: a person who opens the app for the first time and presses Download (no
  // reload) gets the album, checked, and plays and seeks it with the server gone.
  test(`${engine}: on a first visit, download an album through the UI, then play and seek it with the server stopped`, async () => {
    const { page, server, proxy, tearDown } = await startAppSession({ withoutBackgroundFetch: engine === 'fallback' });
    try {
      // A dropped connection in the middle of a part: the download resumes (Range) or refetches.
      proxy.dropOnce('/media/albums/harbour-lights/02-lantern-swell.webm', 100_000);
      await downloadThroughUi(page, 'Harbour Lights');
      expect(await ledgerRecord(page, 'harbour-lights')).toMatchObject({ state: 'done', engine });
      // Progress events can still arrive after the last write (Background Fetch sends one at the
      // end): the release stays done.
      await page.waitForTimeout(1500);
      expect(await ledgerRecord(page, 'harbour-lights')).toMatchObject({ state: 'done' });
      await expect(page.getByText('Available offline')).toBeVisible();
      expect((await cachedMediaUrls(page, 'albums/harbour-lights')).sort()).toHaveLength(samplePartCount('harbour-lights'));
      if (engine === 'fallback') {
        const resumed = proxy.requests.filter((r) => r.path.endsWith('02-lantern-swell.webm'));
        // The retry asks only for the rest, from the byte where the cut left it.
        expect(resumed.length, JSON.stringify(resumed)).toBe(2);
        expect(resumed[0]?.range).toBeUndefined();
        expect(resumed[1]?.range).toBe('bytes=100000-261839');
      }

      await server.stop();
      await page.reload();
      await playAndSeekOffline(page, proxy.origin);
    } finally {
      await tearDown();
    }
  });
}
