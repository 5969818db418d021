import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type Response } from '@playwright/test';
import type { Catalog, Release } from '#common/catalog';
import { bytesAt, QUALITY_LABELS, releaseAt, type Quality } from '#common/renditions';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { storedMediaBytes } from '../fixtures/download-helpers.js';
import { REPO_ROOT } from '../fixtures/server-process.js';

const PHONE = { width: 390, height: 844 };
const catalog = JSON.parse(readFileSync(path.join(REPO_ROOT, 'media/catalog.json'), 'utf8')) as Catalog;
const sample = (id: string): Release => {
  const release = catalog.releases.find((r) => r.id === id);
  if (!release) throw new Error(`no ${id} in the sample catalog`);
  return release;
};

/** "469 kB" → 469,000: the app's sizes are decimal, three significant figures. */
function parseSize(text: string): number {
  const match = /([\d.]+)\s*(B|kB|MB|GB)/.exec(text);
  if (!match) throw new Error(`no size in “${text}”`);
  return Number(match[1]) * { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[match[2] as 'B' | 'kB' | 'MB' | 'GB'];
}

/** The size a choice in the quality dialog shows, read before anything is fetched. */
async function shownSize(page: Page, quality: Quality): Promise<number> {
  const label = page.getByRole('dialog').getByRole('radio', { name: new RegExp(`^${QUALITY_LABELS[quality]} · `) });
  await expect(label).toBeVisible();
  return parseSize((await label.evaluate((input) => input.closest('label')?.textContent ?? '')) as string);
}

/** The media cache holds, under `folder`, exactly the files of `release` at `quality`, with all their bytes; returns the total. */
async function expectStoredAt(page: Page, release: Release, quality: Quality, folder: string): Promise<number> {
  const stored = await storedMediaBytes(page, folder);
  const urls = releaseAt(release, quality).parts.map((p) => p.url);
  expect(Object.keys(stored).sort()).toEqual(urls.sort());
  const total = Object.values(stored).reduce((sum, n) => sum + n, 0);
  expect(total).toBe(bytesAt(release, quality));
  return total;
}

/** Plays a track of the open release with the server gone; the files the SW answered for it. */
async function playOfflineTrack(page: Page, title: string): Promise<string[]> {
  const answered: string[] = [];
  const listen = (response: Response) => {
    if (response.fromServiceWorker() && /\.webm$/.test(response.url())) answered.push(new URL(response.url()).pathname);
  };
  page.on('response', listen);
  await page.getByRole('button', { name: `Play ${title}` }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  // The mini player's clock moves: the stored file plays.
  await expect(page.locator('mini-player').getByText(/^0:0[2-9]$/)).toBeVisible({ timeout: 15_000 });
  page.off('response', listen);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return [...new Set(answered)];
}

// What must hold: an album offered in three qualities says each size before anything is fetched;
// downloaded in Data saver it stores exactly those bytes (the low files only) and plays offline;
// a change to High asked for offline keeps the Data saver copy playing until cancelled; changed to
// High online it stores the High files, frees the Data saver ones, and plays offline again.
test('the same album downloaded at two qualities stores the bytes of each, as shown before, and plays offline', async () => {
  test.setTimeout(120_000);
  const album = sample('harbour-lights');
  const { page, server, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await expect(page.getByText(/^Normal quality · /)).toBeVisible();
    await page.getByRole('button', { name: 'Other quality…' }).click();
    const low = await shownSize(page, 'low');
    const high = await shownSize(page, 'high');
    expect(low).toBeLessThan(high);
    await page.getByRole('radio', { name: /^Data saver · / }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Download' }).click();
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/^Data saver quality · /)).toBeVisible();

    const storedLow = await expectStoredAt(page, album, 'low', 'albums/harbour-lights');
    expect(Math.abs(storedLow - low)).toBeLessThan(low / 200); // the size shown, to its three figures

    await server.stop(); // the network goes while the person stays on the page
    await expect(page.getByText('Available offline')).toBeVisible();
    expect(await playOfflineTrack(page, 'Low Tide')).toEqual(['/media/albums/harbour-lights/01-low-tide.low.webm']);

    // Offline, a change of quality waits for the network and the Data saver copy keeps playing;
    // Cancel keeps it, as it was.
    await page.getByRole('button', { name: 'Change quality…' }).click();
    await page.getByRole('radio', { name: /^High · / }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Change' }).click();
    await expect(page.getByText(/Changing to High[\s\S]*the Data saver copy plays\s+until\s+it\s+is\s+in/)).toBeVisible();
    expect(await playOfflineTrack(page, 'Lantern Swell')).toEqual(['/media/albums/harbour-lights/02-lantern-swell.low.webm']);
    await page.getByRole('button', { name: 'Cancel download' }).click();
    await expect(page.getByText(/^Data saver quality · /)).toBeVisible();
    await expect(page.getByText('Available offline')).toBeVisible();
    expect(await expectStoredAt(page, album, 'low', 'albums/harbour-lights')).toBe(storedLow);

    await server.start();
    await page.getByRole('button', { name: 'Change quality…' }).click();
    expect(await shownSize(page, 'high')).toBe(high);
    await page.getByRole('radio', { name: /^High · / }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Change' }).click();
    await expect(page.getByText(/^High quality · /)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    expect(await expectStoredAt(page, album, 'high', 'albums/harbour-lights')).toBeGreaterThan(storedLow);

    await server.stop(); // the network goes while the person stays on the page
    // Only High files: the one played, and the restored queue's track (its metadata).
    const played = await playOfflineTrack(page, 'Night Ferry');
    expect(played).toContain('/media/albums/harbour-lights/03-night-ferry.high.webm');
    expect(played.filter((url) => !url.endsWith('.high.webm'))).toEqual([]);
  } finally {
    await tearDown();
  }
});

// What must hold: with "Ask each time" for films, Download asks; the film downloaded in Data
// saver stores its 240p video and the audio only, and offline shaka-player plays and seeks it.
test('a film downloaded at its lowest quality plays and seeks offline with only that representation stored', async () => {
  test.setTimeout(120_000);
  const film = sample('test-pattern');
  const { page, server, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Film downloads').selectOption({ label: 'Ask each time' });
    await expect(page.getByRole('status').filter({ hasText: 'Film downloads: Ask each time, saved.' })).toBeVisible();

    await openReleaseFromLibrary(page, 'Test Pattern');
    await expect(page.getByText(/You choose the quality when you download: .* to /)).toBeVisible();
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    const low = await shownSize(page, 'low');
    await page.getByRole('radio', { name: /^Data saver · / }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Download' }).click();
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });

    const stored = await expectStoredAt(page, film, 'low', 'movies/test-pattern');
    expect(Math.abs(stored - low)).toBeLessThan(low / 200);
    // Spelled out: the 240p video and the audio, none of the 480p or 720p files.
    const files = releaseAt(film, 'low').parts.map((p) => p.url.split('/').pop() ?? '');
    expect(files).toContain('manifest-low.mpd');
    expect(files.filter((f) => /^(init|chunk)-[12]-?/.test(f) || /^manifest(-high)?\.mpd$/.test(f))).toEqual([]);

    await server.stop(); // the network goes while the person stays on the page
    await expect(page.getByText('Available offline')).toBeVisible();
    await page.getByRole('button', { name: 'Watch' }).click();
    const player = page.getByRole('dialog', { name: 'Playing Test Pattern' });
    const video = page.locator('movie-player video');
    const time = () => video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(time, { timeout: 20_000 }).toBeGreaterThan(1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.videoHeight)).toBe(240);
    await player.getByRole('button', { name: 'Forward 10 seconds' }).click();
    await expect.poll(time).toBeGreaterThan(11);
    await expect.poll(time, { timeout: 10_000 }).toBeGreaterThan(12.5); // and plays on from there
    await player.getByRole('button', { name: 'Close player' }).click();
  } finally {
    await tearDown();
  }
});
