import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';
import { samplePartCount } from '../fixtures/sample-release.js';

for (const engine of ['background-fetch', 'fallback'] as const) {
  // What must hold: when the server stops mid-download and comes back, the download either goes on
  // or fails with a reason the person can act on; Retry then completes it, and until every part is
  // stored and checked the release is never shown as available.
  test(`${engine}: the server stopping mid-download and coming back leaves a download that completes or can be retried`, async () => {
    test.setTimeout(90_000);
    const t = await startAppSession({ withoutBackgroundFetch: engine === 'fallback' });
    const { page, proxy, server } = t;
    try {
      proxy.throttle(40_000);
      await openReleaseFromLibrary(page, 'Signal Garden');
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect(page.getByText(/^Downloading \d+%/)).toBeVisible({ timeout: 15_000 });

      await server.stop();
      await expect(page.getByText('Available offline')).toHaveCount(0);
      await page.waitForTimeout(2000);
      await server.start();
      proxy.throttle(undefined);

      const available = page.getByText('Available offline');
      const failed = page.getByRole('status').filter({ hasText: /^Download failed: .+/ });
      await expect(available.or(failed)).toBeVisible({ timeout: 30_000 });
      if (await failed.isVisible()) {
        test.info().annotations.push({ type: 'after the restart', description: (await failed.textContent()) ?? '' });
        expect(await cachedMediaUrls(page, 'albums/signal-garden')).not.toHaveLength(samplePartCount('signal-garden'));
        await page.getByRole('button', { name: 'Retry download' }).click();
        await expect(available).toBeVisible({ timeout: 30_000 });
      }
      expect(await ledgerRecord(page, 'signal-garden')).toMatchObject({ state: 'done' });
      expect(await cachedMediaUrls(page, 'albums/signal-garden')).toHaveLength(samplePartCount('signal-garden'));
    } finally {
      await t.tearDown();
    }
  });
}
