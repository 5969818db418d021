import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';
import { REPO_ROOT } from '../fixtures/server-process.js';
import { samplePartCount } from '../fixtures/sample-release.js';

const RELEASES = [
  ['harbour-lights', 'Harbour Lights'],
  ['signal-garden', 'Signal Garden'],
  ['test-pattern', 'Test Pattern'],
] as const;

/** Samples every ledger record's state until `until` settles, and returns the most running at once. */
async function mostRunningAtOnce(page: Page, until: Promise<unknown>): Promise<number> {
  let most = 0;
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const states = await Promise.all(RELEASES.map(([id]) => ledgerRecord(page, id).then((r) => r?.state)));
    most = Math.max(most, states.filter((s) => s === 'downloading' || s === 'verifying').length);
    await page.waitForTimeout(100);
  }
  return most;
}

for (const [engine, limit] of [
  ['background-fetch', 2],
  ['fallback', 1],
] as const) {
  // What must hold: no more than the chosen number of releases download at once (2 by default, 1
  // chosen in Settings here); the others wait as Queued and start by themselves, in order.
  test(`${engine}: the queue runs at most ${limit} download(s) at once and finishes them all`, async () => {
    test.setTimeout(120_000);
    const t = await startAppSession({ withoutBackgroundFetch: engine === 'fallback' });
    const { page, proxy } = t;
    try {
      if (limit !== 2) {
        await page.getByRole('link', { name: 'Settings' }).click();
        await page.getByLabel('Downloads at once').selectOption(String(limit));
        await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
      }
      proxy.throttle(150_000);
      for (const [, title] of RELEASES) {
        await openReleaseFromLibrary(page, title);
        await page.getByRole('button', { name: 'Download', exact: true }).click();
      }
      await page.getByRole('link', { name: 'Downloads' }).click();
      await expect(page.getByText('Queued').first()).toBeVisible();
      const allDone = expect(page.getByText('Available offline')).toHaveCount(3, { timeout: 90_000 });
      expect(await mostRunningAtOnce(page, allDone)).toBe(limit);
      await allDone;
    } finally {
      await t.tearDown();
    }
  });

  // What must hold: a download asked for while the server is down never shows a fake "Downloading
  // 0%": it waits as "Waiting for network" and starts by itself once the server is back.
  test(`${engine}: a download asked for with the server down waits for it, then completes by itself`, async () => {
    test.setTimeout(90_000);
    const t = await startAppSession({ withoutBackgroundFetch: engine === 'fallback' });
    const { page, server } = t;
    try {
      await openReleaseFromLibrary(page, 'Harbour Lights');
      await server.stop();
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect(page.getByText('Waiting for network')).toBeVisible();
      expect(await ledgerRecord(page, 'harbour-lights')).toMatchObject({ state: 'queued', waitingFor: 'network' });
      await page.waitForTimeout(2000);
      await expect(page.getByText(/Downloading/)).toHaveCount(0);

      await server.start();
      await expect(page.getByText('Available offline')).toBeVisible({ timeout: 45_000 });
      expect(await cachedMediaUrls(page, 'albums/harbour-lights')).toHaveLength(samplePartCount('harbour-lights'));
    } finally {
      await t.tearDown();
    }
  });

  // What must hold: a download that cannot be finished (a file gone from the server) ends failed
  // with a sentence the person can read, never "Downloading" forever, and is never available.
  test(`${engine}: a download that cannot be finished fails with its reason`, async () => {
    const mediaDir = mkdtempSync(path.join(tmpdir(), 'stowaway-media-'));
    cpSync(path.join(REPO_ROOT, 'media'), mediaDir, { recursive: true });
    rmSync(path.join(mediaDir, 'albums/signal-garden/03-relay.webm'));
    const t = await startAppSession({ mediaDir, withoutBackgroundFetch: engine === 'fallback' });
    try {
      await openReleaseFromLibrary(t.page, 'Signal Garden');
      await t.page.getByRole('button', { name: 'Download', exact: true }).click();
      const reason =
        engine === 'fallback'
          ? '03-relay.webm is no longer on the server. Try again later.'
          : 'The server refused one of the files. Try again later.';
      await expect(t.page.getByText(`Download failed: ${reason}`)).toBeVisible({ timeout: 30_000 });
      expect(await ledgerRecord(t.page, 'signal-garden')).toMatchObject({ state: 'failed', error: reason });
      await expect(t.page.getByText('Available offline')).toHaveCount(0);
      await expect(t.page.getByRole('button', { name: 'Retry download' })).toBeVisible();
    } finally {
      await t.tearDown();
      rmSync(mediaDir, { recursive: true, force: true });
    }
  });
}
