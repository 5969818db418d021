import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';

// What must survive: with the server stopped entirely, the shell, the library pages seen and every
// in-app URL (deep links included) still open, and the person is told they are offline. A release
// opened before shows its tracks; one only seen in the library shows what the library showed.
test('the app opens every view with the server stopped', async () => {
  const { page, server, origin, tearDown } = await startAppSession();
  try {
    await expect(page.getByText(/^You are offline\./)).toHaveCount(0);
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await server.stop();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await expect(page.locator('release-card')).toHaveCount(3);
    await expect(page.getByText(/^You are offline\./)).toBeVisible();

    await page.getByRole('link', { name: 'Downloads' }).click();
    await expect(page.getByRole('heading', { name: 'Downloads' })).toBeVisible();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('link', { name: /Harbour Lights/ }).click();
    await expect(page.getByRole('heading', { name: 'Harbour Lights' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play Low Tide' })).toBeVisible();

    // Deep links typed or bookmarked: each is a fresh navigation the SW answers with the shell.
    for (const [path, heading] of [
      ['/releases/test-pattern', 'Test Pattern'],
      ['/downloads', 'Downloads'],
      ['/settings', 'Settings'],
      ['/releases/signal-garden', 'Signal Garden'],
    ] as const) {
      await page.goto(`${origin}${path}`);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      await expect(page.getByText(/^You are offline\./)).toBeVisible();
    }
    await expect(page.getByText(/not downloaded, so it cannot play offline/)).toBeVisible();
  } finally {
    await tearDown();
  }
});

test('Chromium reports no installability errors', async () => {
  const { browser, tearDown } = await startAppSession();
  try {
    const cdp = await browser.context.newCDPSession(browser.page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  } finally {
    await tearDown();
  }
});
