import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { cachedMediaUrls, downloadThroughUi, ledgerRecord, playAndSeekOffline } from '../fixtures/download-helpers.js';
import { samplePartCount } from '../fixtures/sample-release.js';

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
