import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Catalog } from '#common/catalog';
import { releaseBytes } from '#common/release-facts';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, downloadThroughUi, ledgerRecord } from '../fixtures/download-helpers.js';
import { REPO_ROOT } from '../fixtures/server-process.js';

const PHONE = { width: 390, height: 844 };
const catalog = JSON.parse(readFileSync(path.join(REPO_ROOT, 'media/catalog.json'), 'utf8')) as Catalog;
function bytesOf(id: string): number {
  const release = catalog.releases.find((r) => r.id === id);
  if (!release) throw new Error(`no ${id} in the sample catalog`);
  return releaseBytes(release);
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
}

/** The accessible name of the element with focus, through shadow roots; '' on <body>. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el === document.body ? '' : (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });

async function togglePin(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Downloads' }).click();
  await page.getByRole('button', { name: `Pin ${title}` }).click();
}

// What must hold: with a budget, a download that would go over it is not started until the person
// chooses; the dialog names what would go (never a pinned one), Cancel is the focused choice and
// Escape cancels; "Remove it and download" removes exactly that and downloads the new one.
test('a budget stops a download that would exceed it, names what would go, and lets the person choose', async () => {
  test.setTimeout(120_000);
  const t = await startAppSession({ viewport: PHONE });
  const { page } = t;
  try {
    await downloadThroughUi(page, 'Signal Garden');
    // Room for Signal Garden and half of Harbour Lights: typed as a person would, in gigabytes.
    const budget = bytesOf('signal-garden') + Math.floor(bytesOf('harbour-lights') / 2);
    await openSettings(page);
    const field = page.getByLabel('Budget for downloads (GB)');
    await field.fill('-1');
    await field.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Not saved: the budget is a number of gigabytes' })).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Budget for downloads (GB)').fill(String(budget / 1e9));
    await page.getByLabel('Budget for downloads (GB)').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved. Downloads may take up to' })).toBeVisible();

    // Pinned, Signal Garden may not go: nothing can make room.
    await togglePin(page, 'Signal Garden');
    await expect(page.getByRole('button', { name: 'Pin Signal Garden' })).toHaveAttribute('aria-pressed', 'true');
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: 'Over your storage budget' });
    await expect(dialog).toContainText('Removing every download that is not pinned would not make enough room.');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: /and download/ })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Download', exact: true })).toBeFocused();
    expect(await ledgerRecord(page, 'harbour-lights')).toBeNull();

    // Unpinned, it is the one to go; the person chooses that.
    await togglePin(page, 'Signal Garden');
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Over your storage budget' });
    await expect(dialog.getByRole('list', { name: 'Would be removed' })).toHaveText(/Signal Garden/);
    await dialog.getByRole('button', { name: 'Remove it and download' }).click();
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    // The Download button gave way to others as the download ran: focus went with them, not to <body>.
    expect(await focusedLabel(page)).toMatch(/download$/i);
    expect(await ledgerRecord(page, 'signal-garden')).toBeNull();
    expect(await cachedMediaUrls(page, 'signal-garden')).toEqual([]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Downloads' }).click();
    await expect(page.locator('storage-meter')).toContainText('Your budget');
  } finally {
    await t.tearDown();
  }
});

/** Watch the film to its end (two jumps of 10 s in 24 s, then it plays out) and close the player. */
async function watchToTheEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Watch' }).click();
  const player = page.getByRole('dialog', { name: 'Playing Test Pattern' });
  const time = () => page.locator('movie-player video').evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(time, { timeout: 20_000 }).toBeGreaterThan(0.5);
  await player.getByRole('button', { name: 'Forward 10 seconds' }).click();
  await player.getByRole('button', { name: 'Forward 10 seconds' }).click();
  await expect(player.getByRole('button', { name: 'Watch again' })).toBeVisible({ timeout: 20_000 });
  await player.getByRole('button', { name: 'Close player' }).click();
  await expect(player).toHaveCount(0);
}

// What must hold: with "Remove films once watched to the end" on, a downloaded film watched to its
// end is removed when the player closes (and the person is told); a pinned one is kept.
test('cleanup removes a watched film, and keeps it when pinned', async () => {
  test.setTimeout(150_000);
  const t = await startAppSession({ viewport: PHONE });
  const { page } = t;
  try {
    await openSettings(page);
    await page.getByRole('checkbox', { name: 'Remove films once watched to the end' }).check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    await downloadThroughUi(page, 'Test Pattern');
    await watchToTheEnd(page);
    const removed = page.getByText(/Removed “Test Pattern”/);
    await expect(removed).toBeVisible({ timeout: 10_000 });
    // The whole sentence is on the phone's screen (it once ran off both sides on one line).
    const box = await removed.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await expect(page.getByRole('button', { name: 'Download', exact: true })).toBeVisible();
    expect(await ledgerRecord(page, 'test-pattern')).toBeNull();
    expect(await cachedMediaUrls(page, 'test-pattern')).toEqual([]);

    await downloadThroughUi(page, 'Test Pattern');
    await togglePin(page, 'Test Pattern');
    await openReleaseFromLibrary(page, 'Test Pattern');
    await watchToTheEnd(page);
    await page.waitForTimeout(2_000); // cleanup runs as the player closes: give it time to be wrong
    await expect(page.getByText('Available offline')).toBeVisible();
    expect(await ledgerRecord(page, 'test-pattern')).toMatchObject({ state: 'done' });
  } finally {
    await t.tearDown();
  }
});
