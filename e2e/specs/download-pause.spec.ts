import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, expectOfflineBytesMatchCatalog, ledgerRecord } from '../fixtures/download-helpers.js';
import { samplePartCount } from '../fixtures/sample-release.js';

const FOLDER = '/media/albums/signal-garden/';

for (const engine of ['background-fetch', 'fallback'] as const) {
  // What must hold: Pause stops the download and keeps what has arrived (Background Fetch has no
  // pause of its own: it is aborted); Resume fetches only what is missing, and the album ends with
  // exactly the catalog's bytes.
  test(`${engine}: pause keeps what arrived, resume fetches only the rest, and the bytes are right`, async () => {
    test.setTimeout(90_000);
    const t = await startAppSession({ withoutBackgroundFetch: engine === 'fallback' });
    const { page, proxy, server } = t;
    try {
      proxy.throttle(60_000);
      await openReleaseFromLibrary(page, 'Signal Garden');
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect.poll(() => cachedMediaUrls(page, 'albums/signal-garden'), { timeout: 30_000 }).not.toEqual([]);

      await page.getByRole('button', { name: 'Pause download' }).click();
      await expect(page.getByText(/^Paused at \d+%/)).toBeVisible();
      expect(await ledgerRecord(page, 'signal-garden')).toMatchObject({ state: 'paused' });
      await expect
        .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).backgroundFetch?.getIds() ?? []))
        .toEqual([]);
      // Paused means paused: nothing more is fetched, and what arrived stays.
      await page.waitForTimeout(1000);
      const kept = await cachedMediaUrls(page, 'albums/signal-garden');
      const requestsWhilePaused = proxy.requests.length;
      await page.waitForTimeout(2000);
      expect(proxy.requests.length).toBe(requestsWhilePaused);
      expect(await cachedMediaUrls(page, 'albums/signal-garden')).toEqual(kept);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(samplePartCount('signal-garden'));

      proxy.throttle(undefined);
      await page.getByRole('button', { name: 'Resume download' }).click();
      await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
      const fetchedAfter = proxy.requests
        .slice(requestsWhilePaused)
        .map((r) => r.path)
        .filter((p) => p.startsWith(FOLDER));
      expect(fetchedAfter.filter((p) => kept.includes(p))).toEqual([]);
      expect(new Set([...kept, ...fetchedAfter]).size).toBe(samplePartCount('signal-garden'));

      await server.stop();
      await expectOfflineBytesMatchCatalog(page, 'signal-garden');
    } finally {
      await t.tearDown();
    }
  });
}
