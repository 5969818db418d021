import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';
import { samplePartCount } from '../fixtures/sample-release.js';

// What must hold: a Background Fetch that stops receiving data without ever failing (Chromium can
// leave one so) is not shown as "Downloading" forever: it fails with a reason, keeps the files that
// did arrive, and Retry completes it by fetching only the rest.
test('a Background Fetch that stalls for good fails with a reason, and Retry completes it', async () => {
  const t = await startAppSession();
  const { page, proxy } = t;
  try {
    await page.evaluate(() => localStorage.setItem('stowaway:stall-ms', '4000'));
    proxy.hangOnce('/media/albums/signal-garden/02-greenhouse.webm', 50_000);
    await openReleaseFromLibrary(page, 'Signal Garden');
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
    const kept = await cachedMediaUrls(page, 'albums/signal-garden');
    expect(kept).not.toContain('/media/albums/signal-garden/02-greenhouse.webm');

    const before = proxy.requests.length;
    await page.getByRole('button', { name: 'Retry download' }).click();
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    expect(await ledgerRecord(page, 'signal-garden')).toMatchObject({ state: 'done', engine: 'background-fetch' });
    expect(await cachedMediaUrls(page, 'albums/signal-garden')).toHaveLength(samplePartCount('signal-garden'));
    const fetched = proxy.requests.slice(before).filter((r) => r.path.startsWith('/media/albums/signal-garden/'));
    expect(fetched.length).toBe(samplePartCount('signal-garden') - kept.length);
    expect(fetched.map((r) => r.path)).toContain('/media/albums/signal-garden/02-greenhouse.webm');
  } finally {
    await t.tearDown();
  }
});
