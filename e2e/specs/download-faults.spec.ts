import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { blockCount } from '#common/download-blocks';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';
import { REPO_ROOT } from '../fixtures/server-process.js';
import { samplePartCount } from '../fixtures/sample-release.js';

const setUp = startAppSession;

for (const engine of ['background-fetch', 'fallback'] as const) {
  // What must hold: bytes that differ from the catalog's hashes are never stored or marked
  // available; the person is told which file; once the file is right again, Retry fetches only it.
  test(`${engine}: a file whose bytes differ from the catalog fails the download, and Retry fetches only that file`, async () => {
    const mediaDir = mkdtempSync(path.join(tmpdir(), 'stowaway-media-'));
    cpSync(path.join(REPO_ROOT, 'media'), mediaDir, { recursive: true });
    const victim = path.join(mediaDir, 'albums/harbour-lights/01-low-tide.webm');
    const good = readFileSync(victim);
    const bytes = Buffer.from(good);
    bytes[5000] = (bytes[5000] ?? 0) ^ 0xff; // same size, different content
    writeFileSync(victim, bytes);
    const t = await setUp({ mediaDir, withoutBackgroundFetch: engine === 'fallback' });
    try {
      await openReleaseFromLibrary(t.page, 'Harbour Lights');
      await t.page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect(t.page.getByText(/Download failed: .*01-low-tide\.webm is damaged/)).toBeVisible({ timeout: 30_000 });
      expect(await ledgerRecord(t.page, 'harbour-lights')).toMatchObject({ state: 'failed' });
      expect(await cachedMediaUrls(t.page, 'albums/harbour-lights')).not.toContain(
        '/media/albums/harbour-lights/01-low-tide.webm',
      );

      writeFileSync(victim, good);
      const before = t.proxy.requests.length;
      await t.page.getByRole('button', { name: 'Retry download' }).click();
      await expect(t.page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
      const fetched = t.proxy.requests.slice(before).filter((r) => r.path.startsWith('/media/albums/harbour-lights/'));
      expect(fetched.map((r) => r.path)).toEqual(['/media/albums/harbour-lights/01-low-tide.webm']);
      expect(await cachedMediaUrls(t.page, 'albums/harbour-lights')).toHaveLength(samplePartCount('harbour-lights'));
    } finally {
      await t.tearDown();
      rmSync(mediaDir, { recursive: true, force: true });
    }
  });
}

for (const engine of ['background-fetch', 'fallback'] as const) {
  // What must hold: a cancelled download leaves no ledger entry and no cached part.
  test(`${engine}: cancel mid-download leaves nothing behind`, async () => {
    const t = await setUp({ withoutBackgroundFetch: engine === 'fallback' });
    try {
      t.proxy.throttle(40_000);
      await openReleaseFromLibrary(t.page, 'Signal Garden');
      await t.page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect(t.page.getByText(/^Downloading \d+%/)).toBeVisible({ timeout: 15_000 });
      await t.page.getByRole('button', { name: 'Cancel download' }).click();
      await expect(t.page.getByText('Not downloaded')).toBeVisible();
      await expect.poll(() => ledgerRecord(t.page, 'signal-garden')).toBeNull();
      await t.page.waitForTimeout(1000);
      expect(await cachedMediaUrls(t.page, 'albums/signal-garden')).toEqual([]);
      expect(await t.page.evaluate(async () => (await navigator.serviceWorker.ready).backgroundFetch?.getIds() ?? [])).toEqual(
        [],
      );
    } finally {
      await t.tearDown();
    }
  });

  // What must hold: a reload mid-download (the person reloading) re-attaches to it, and it completes.
  test(`${engine}: reload mid-download re-attaches and completes`, async () => {
    const t = await setUp({ withoutBackgroundFetch: engine === 'fallback' });
    try {
      t.proxy.throttle(60_000);
      await openReleaseFromLibrary(t.page, 'Signal Garden');
      await t.page.getByRole('button', { name: 'Download', exact: true }).click();
      await expect(t.page.getByText(/^Downloading \d+%/)).toBeVisible({ timeout: 15_000 });
      await t.page.reload();
      await expect(t.page.getByText(/^(Downloading \d+%|Queued)/)).toBeVisible({ timeout: 15_000 });
      t.proxy.throttle(undefined);
      await expect(t.page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
      expect(await ledgerRecord(t.page, 'signal-garden')).toMatchObject({ state: 'done' });
      expect(await cachedMediaUrls(t.page, 'albums/signal-garden')).toHaveLength(samplePartCount('signal-garden'));
    } finally {
      await t.tearDown();
    }
  });
}

// What must hold: a release larger than the storage left is refused before any byte of it is
// fetched. Chromium reports about 10 GiB free to every origin (CDP's quota override does not change
// what estimate() says), so the catalog here claims a 20 GB track.
test('a release larger than the available storage is refused with a message', async () => {
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'stowaway-media-'));
  cpSync(path.join(REPO_ROOT, 'media'), mediaDir, { recursive: true });
  const catalogFile = path.join(mediaDir, 'catalog.json');
  const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as {
    releases: Array<{ id: string; parts: Array<{ bytes: number; blocks?: string[] }> }>;
  };
  const album = catalog.releases.find((r) => r.id === 'harbour-lights');
  if (!album?.parts[0]) throw new Error('sample catalog changed');
  album.parts[0].bytes = 20_000_000_000;
  // Block hashes as the catalog gives them for a file this large (never checked: nothing is fetched).
  album.parts[0].blocks = Array<string>(blockCount(20_000_000_000)).fill('0'.repeat(64));
  writeFileSync(catalogFile, JSON.stringify(catalog));
  const t = await setUp({ mediaDir });
  try {
    await openReleaseFromLibrary(t.page, 'Harbour Lights');
    const before = t.proxy.requests.length;
    await t.page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(t.page.getByRole('alert')).toContainText(/Not enough space: “Harbour Lights” needs 20 GB/);
    expect(await ledgerRecord(t.page, 'harbour-lights')).toBeNull();
    expect(t.proxy.requests.slice(before).filter((r) => r.path.endsWith('.webm'))).toEqual([]);
  } finally {
    await t.tearDown();
    rmSync(mediaDir, { recursive: true, force: true });
  }
});

// What must hold: when the cache is cleared behind the app's back, the release is not shown as
// available offline, and the person is told why.
test('a download whose files were cleared behind the app is no longer shown as available', async () => {
  const t = await setUp();
  try {
    await openReleaseFromLibrary(t.page, 'Harbour Lights');
    await t.page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(t.page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    const cdp = await t.browser.context.newCDPSession(t.page);
    await cdp.send('Storage.clearDataForOrigin', { origin: t.proxy.origin, storageTypes: 'cache_storage' });
    await t.page.reload();
    await expect(t.page.getByText(/Its files were removed from this device/)).toBeVisible();
    await expect(t.page.getByText('Available offline')).toHaveCount(0);
    await expect(t.page.getByRole('button', { name: 'Retry download' })).toBeVisible();
    expect(await ledgerRecord(t.page, 'harbour-lights')).toMatchObject({ state: 'failed' });
  } finally {
    await t.tearDown();
  }
});
