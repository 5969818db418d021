import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';

// What must hold: a Background Fetch that stops receiving data without ever failing (Chromium can
// leave one so) is not shown as "Downloading" forever: it fails with a reason, and Retry completes it.
test('a Background Fetch that stalls for good fails with a reason, and Retry completes it', async () => {
  const t = await startAppSession();
  const { page, proxy } = t;
  try {
    await page.evaluate(() => localStorage.setItem('stowaway:stall-ms', '4000'));
    proxy.hangOnce('/media/albums/signal-garden/02-greenhouse.webm', 50_000);
    await page.goto(`${proxy.origin}/releases/signal-garden`);
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Download failed: The download stopped receiving data/ }),
    ).toBeVisible({
      timeout: 30_000,
    });
    expect(await ledgerRecord(page, 'signal-garden')).toMatchObject({ state: 'failed' });
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).backgroundFetch?.getIds()))
      .toEqual([]);
    // The abort did not remove the record: the reason and Retry are still there after a reload.
    await page.reload();
    await expect(page.getByText(/The download stopped receiving data/)).toBeVisible();
    expect(await cachedMediaUrls(page, 'albums/signal-garden')).toEqual([]);

    await page.getByRole('button', { name: 'Retry download' }).click();
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    expect(await ledgerRecord(page, 'signal-garden')).toMatchObject({ state: 'done', engine: 'background-fetch' });
    expect(await cachedMediaUrls(page, 'albums/signal-garden')).toHaveLength(5);
  } finally {
    await t.tearDown();
  }
});
