import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchBrowser, openApp, openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';
import { FaultProxy } from '../fixtures/fault-proxy.js';
import { ServerProcess } from '../fixtures/server-process.js';
import { samplePartCount } from '../fixtures/sample-release.js';

for (const engine of ['background-fetch', 'fallback'] as const) {
  // What must hold: after the browser is closed mid-download and opened again, the release is
  // shown as it really is, and the download completes with every part stored and checked.
  test(`${engine}: the browser closed mid-download and reopened finishes the download`, async () => {
    const server = new ServerProcess();
    await server.start();
    const proxy = new FaultProxy(() => server.port);
    await proxy.start();
    const profileDir = mkdtempSync(path.join(tmpdir(), 'stowaway-profile-'));
    const options = { profileDir, withoutBackgroundFetch: engine === 'fallback' };
    let browser = await launchBrowser(options);
    try {
      await openApp(browser.page, proxy.origin);
      proxy.throttle(40_000);
      await openReleaseFromLibrary(browser.page, 'Signal Garden');
      await browser.page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect(browser.page.getByText(/^Downloading \d+%/)).toBeVisible({ timeout: 15_000 });
      await browser.close();

      proxy.throttle(undefined);
      // The person opens the app again, at the release they were looking at.
      browser = await launchBrowser(options);
      await browser.page.goto(`${proxy.origin}/releases/signal-garden`);
      await expect(browser.page.getByText('Available offline')).toBeVisible({ timeout: 45_000 });
      expect(await ledgerRecord(browser.page, 'signal-garden')).toMatchObject({ state: 'done', engine });
      expect(await cachedMediaUrls(browser.page, 'albums/signal-garden')).toHaveLength(samplePartCount('signal-garden'));
    } finally {
      await browser.close();
      await proxy.stop();
      await server.dispose();
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
}
