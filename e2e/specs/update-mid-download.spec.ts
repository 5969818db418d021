import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';
import { REPO_ROOT } from '../fixtures/server-process.js';
import { samplePartCount } from '../fixtures/sample-release.js';

/** The mini-player's position in seconds, from its Seek slider. */
const position = async (page: Page) => Number(await page.getByRole('slider', { name: 'Seek' }).inputValue());

const isWaiting = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null);

for (const engine of ['background-fetch', 'fallback'] as const) {
  // What must hold: a deploy while music plays and a release downloads interrupts neither, the
  // new version waits until reloading is harmless, and the download is not lost across the update.
  test(`${engine}: a new version deployed during playback and a download interrupts neither`, async () => {
    test.setTimeout(120_000);
    const live = mkdtempSync(path.join(tmpdir(), 'stowaway-live-'));
    cpSync(path.join(REPO_ROOT, 'dist'), live, { recursive: true });
    const t = await startAppSession({ env: { CLIENT_DIR: live }, withoutBackgroundFetch: engine === 'fallback' });
    const { page, proxy } = t;
    try {
      // One page load for the whole test: the music plays in this page, and a navigation would stop it.
      await openReleaseFromLibrary(page, 'Signal Garden');
      proxy.throttle(20_000);
      await page
        .getByRole('button', { name: /^Play / })
        .first()
        .click();
      await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect(page.getByText(/^Downloading \d+%/)).toBeVisible({ timeout: 15_000 });

      // The deploy: new files in place on the running server, as an rsync of a new build does.
      appendFileSync(path.join(live, 'sw.js'), '\n// version 2\n');
      const before = await position(page);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect(page.getByText('A new version of Stowaway is ready.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Reload to update' })).toBeDisabled();
      await expect(page.getByText('Pause playback first: reloading would stop it.')).toBeVisible();
      // Playback goes on under the old version.
      await expect.poll(() => position(page), { timeout: 10_000 }).toBeGreaterThan(before + 1);
      expect(await page.getByRole('button', { name: 'Pause', exact: true }).isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      // Reloading would cut the page's own downloads, and Chromium can stall a Background Fetch whose
      // worker is replaced: the update waits for the download either way.
      await expect(page.getByText('Let the download finish first: reloading would stop it.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Reload to update' })).toBeDisabled();
      proxy.throttle(undefined);
      await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
      expect(await isWaiting(page)).toBe(true);
      await expect(page.getByRole('button', { name: 'Reload to update' })).toBeEnabled();
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
      await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting === null);
      expect(await page.evaluate(async () => (await fetch('/sw.js', { cache: 'no-store' })).text())).toContain('// version 2');

      // After the update: still downloaded, and it plays under the new version.
      await page.goto(`${proxy.origin}/releases/signal-garden`);
      await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
      expect(await ledgerRecord(page, 'signal-garden')).toMatchObject({ state: 'done', engine });
      expect(await cachedMediaUrls(page, 'albums/signal-garden')).toHaveLength(samplePartCount('signal-garden'));
      await page
        .getByRole('button', { name: /^Play / })
        .first()
        .click();
      await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    } finally {
      await t.tearDown();
      rmSync(live, { recursive: true, force: true });
    }
  });
}
