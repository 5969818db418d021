import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Catalog } from '#common/catalog';
import { releaseBytes } from '#common/release-facts';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { downloadThroughUi } from '../fixtures/download-helpers.js';
import { REPO_ROOT } from '../fixtures/server-process.js';

const PHONE = { width: 390, height: 844 };
const catalog = JSON.parse(readFileSync(path.join(REPO_ROOT, 'media/catalog.json'), 'utf8')) as Catalog;
const bytesOf = (id: string) => releaseBytes(catalog.releases.find((r) => r.id === id) as Catalog['releases'][number]);
/** As the app writes sizes: decimal units, one decimal under 10 (client/format.ts). */
const kB = (bytes: number) => `${Math.round(bytes / 1000)} kB`;

// What must hold: the Downloads page says what downloads themselves take (not the app's own
// files), lists them by size on request, and reads nothing left after Remove all.
test('the storage meter counts the downloads themselves, and the list sorts by size', async () => {
  test.setTimeout(120_000); // the browser clears Background Fetch's copies in its own time
  const { page, tearDown } = await startAppSession({ viewport: PHONE });
  const nav = page.getByRole('navigation', { name: 'Main' });
  /** "Other Stowaway data: 1.1 MB.", in bytes. */
  const appItself = async () => {
    const said =
      (await page
        .locator('storage-meter')
        .getByText(/Other Stowaway data/)
        .textContent()) ?? '';
    const [, amount = 'NaN', unit = ''] = /: ([\d.]+) (kB|MB)/.exec(said) ?? [];
    return Number(amount) * (unit === 'MB' ? 1e6 : 1e3);
  };
  try {
    await nav.getByRole('link', { name: 'Downloads' }).click();
    await expect.poll(appItself).toBeGreaterThan(0); // "…" until the browser's estimate is in
    const appAtFirst = await appItself();
    await downloadThroughUi(page, 'Harbour Lights');
    await downloadThroughUi(page, 'Signal Garden');
    await nav.getByRole('link', { name: 'Downloads' }).click();
    const total = bytesOf('harbour-lights') + bytesOf('signal-garden');
    await expect(page.locator('storage-meter')).toContainText(`${(total / 1e6).toFixed(1)} MB in 2 downloads`);
    await expect(page.getByRole('meter', { name: 'Space taken by downloads' })).toHaveJSProperty('value', total);

    await page.getByLabel('Sort by').selectOption('size');
    const titles = page.locator('downloads-view li strong');
    await expect(titles).toHaveText(['Signal Garden', 'Harbour Lights']); // 721 kB, then 645 kB
    await expect(page.locator('downloads-view li').first()).toContainText(kB(bytesOf('signal-garden')));

    await page.getByRole('button', { name: 'Remove all downloads…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.locator('storage-meter')).toContainText('Nothing downloaded');
    // The browser frees Background Fetch's own copies of the removed files a while later; the page,
    // left open, follows: Stowaway's other data is back to about what it was before the downloads (it
    // kept 1.4 MB more for as long as the page stayed open, when the estimate was read once).
    await expect.poll(appItself, { timeout: 60_000, intervals: [2000] }).toBeLessThan(appAtFirst + 500_000);
  } finally {
    await tearDown();
  }
});

// What must hold: on a phone, a release page shows its Play and Download buttons in the first
// screen, without scrolling past the artwork, and above the tab bar: on a tall phone and on a small
// one (at 320×640 the album's Download sat under the tab bar).
test('on a phone, Play and Download are in the first screen of every release page', async () => {
  const { page, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    for (const phone of [PHONE, { width: 320, height: 640 }]) {
      await page.setViewportSize(phone);
      for (const release of catalog.releases) {
        await openReleaseFromLibrary(page, release.title);
        const tabBar = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
        for (const name of [release.kind === 'album' ? 'Play album' : 'Watch', 'Download']) {
          const box = await page.getByRole('button', { name, exact: true }).boundingBox();
          const where = `${name} on ${release.title} at ${phone.width}×${phone.height}`;
          expect(box, where).not.toBeNull();
          expect((box?.y ?? Infinity) + (box?.height ?? 0), where).toBeLessThanOrEqual(tabBar?.y ?? 0);
        }
      }
    }
  } finally {
    await tearDown();
  }
});

// What must hold: the release page does not jump while a download runs. The progress bar showed
// under the status line only while downloading, and the pace, once known, wrapped it to two lines:
// Play and everything below moved each time. The network is slowed, as a phone's is, so the bar is seen.
test('Play stays where it was while a download starts, runs and ends', async () => {
  const { page, proxy, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    const play = page.getByRole('button', { name: 'Play album' });
    const top = async () => (await play.boundingBox())?.y;
    const before = await top();
    proxy.throttle(60_000);
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Download progress' })).toBeVisible();
    expect(await top()).toBe(before);
    // The time left and the speed, once known, stay on the status's one line (they wrapped).
    await expect(page.getByText(/Downloading \d+% · .* left/)).toBeVisible({ timeout: 15_000 });
    expect(await top()).toBe(before);
    proxy.throttle(undefined);
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    expect(await top()).toBe(before);
  } finally {
    await tearDown();
  }
});

// What must hold: on a small phone, pressing Download leaves the page where it was. Focus follows
// the buttons as they change (Download gives way to Pause and Cancel), but for a tap it used to
// scroll the page 280 px to bring Pause into view, and the release's title went off the screen.
test('on a small phone, pressing Download does not scroll the page', async () => {
  const { page, proxy, tearDown } = await startAppSession({ viewport: { width: 320, height: 640 } });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    // The first visit's "Ready to work offline" may still lie over Download: a tap goes through it.
    proxy.throttle(150_000);
    // A tap where the button is, as a finger does it (a locator's click first scrolls the button
    // clear of the scroll padding kept for the tab bar and mini-player, which no finger does).
    const download = await page.getByRole('button', { name: 'Download', exact: true }).boundingBox();
    if (!download) throw new Error('no Download button on screen');
    await page.mouse.click(download.x + download.width / 2, download.y + download.height / 2);
    await expect(page.getByRole('button', { name: 'Pause download' })).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByRole('heading', { name: 'Harbour Lights', level: 1 })).toBeInViewport();
    proxy.throttle(undefined);
  } finally {
    await tearDown();
  }
});
