import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchBrowser, openApp } from '../fixtures/browser.js';
import { cachedMediaUrls, downloadThroughUi, ledgerRecord } from '../fixtures/download-helpers.js';
import { REPO_ROOT, ServerProcess } from '../fixtures/server-process.js';
import { samplePartCount } from '../fixtures/sample-release.js';

// What must survive an app update: the media cache (downloads) and the download ledger.
test('an app update is offered, waits for the person, and keeps the downloads', async () => {
  const versions = mkdtempSync(path.join(tmpdir(), 'stowaway-versions-'));
  const v1 = path.join(versions, 'v1');
  const v2 = path.join(versions, 'v2');
  cpSync(path.join(REPO_ROOT, 'dist'), v1, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'dist'), v2, { recursive: true });
  appendFileSync(path.join(v2, 'sw.js'), '\n// version 2\n');

  const server = new ServerProcess({ env: { CLIENT_DIR: v1 } });
  await server.start();
  const browser = await launchBrowser();
  const { page } = browser;
  try {
    await openApp(page, server.origin);
    await downloadThroughUi(page, 'Harbour Lights');

    await server.restart({ CLIENT_DIR: v2 });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version of Stowaway is ready.')).toBeVisible();
    // Waiting: the old version still controls the page until the person accepts.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting === null);
    await expect(page.getByText('A new version of Stowaway is ready.')).toHaveCount(0);
    const swSource = await page.evaluate(async () => (await fetch('/sw.js', { cache: 'no-store' })).text());
    expect(swSource).toContain('// version 2');

    await expect(page.getByText('Available offline')).toBeVisible();
    expect(await ledgerRecord(page, 'harbour-lights')).toMatchObject({ state: 'done' });
    expect(await cachedMediaUrls(page, 'albums/harbour-lights')).toHaveLength(samplePartCount('harbour-lights'));
  } finally {
    await browser.close();
    await server.dispose();
    rmSync(versions, { recursive: true, force: true });
  }
});
