import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';

for (const engine of ['background-fetch', 'fallback'] as const) {
  // What must hold: when the disk fills up part way through a download, the person gets a clear
  // message and a retry, and no part of the release is left stored or shown as available.
  test(`${engine}: storage filling up during a download fails it cleanly`, async () => {
    const t = await setUpWithRoomFor(engine, 300_000);
    try {
      await t.page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect(
        t.page.getByRole('status').filter({ hasText: /^Download failed: There is not enough storage space/ }),
      ).toBeVisible({
        timeout: 30_000,
      });
      await expect(t.page.getByRole('button', { name: 'Retry download' })).toBeVisible();
      await expect(t.page.getByText('Available offline')).toHaveCount(0);
      expect(await ledgerRecord(t.page, 'signal-garden')).toMatchObject({ state: 'failed' });
      await expect.poll(() => cachedMediaUrls(t.page, 'albums/signal-garden')).toEqual([]);
    } finally {
      await t.tearDown();
    }
  });
}

/**
 * The app open on a release page with room for only `bytes` more. CDP's quota override limits
 * what can be written, while storage.estimate() still reports the usual free space, so the
 * up-front check passes and the disk really fills mid-download.
 */
async function setUpWithRoomFor(engine: 'background-fetch' | 'fallback', bytes: number) {
  const t = await startAppSession({ withoutBackgroundFetch: engine === 'fallback' });
  await openReleaseFromLibrary(t.page, 'Signal Garden');
  const { usage } = await t.page.evaluate(() => navigator.storage.estimate());
  const cdp = await t.browser.context.newCDPSession(t.page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: t.proxy.origin, quotaSize: (usage ?? 0) + bytes });
  return t;
}
