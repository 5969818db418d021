import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Catalog, Release } from '#common/catalog';
import { generateCatalog } from '../../bench/generate-catalog.js';
import { launchBrowser, openApp } from '../fixtures/browser.js';
import { publishRelease } from '../fixtures/sample-release.js';
import { ServerProcess } from '../fixtures/server-process.js';

// The library at 20,000 releases (the floor for these tests), used as a person does:
// searching, scrolling far, following an artist. One server for the file; a fresh profile per test.
const RELEASES = 20_000;
const PHONE = { width: 390, height: 844 };

let mediaDir: string;
let server: ServerProcess;
let generated: Release[];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mediaDir = mkdtempSync(path.join(tmpdir(), 'stowaway-scale-'));
  const file = await generateCatalog(RELEASES, mediaDir);
  generated = (JSON.parse(readFileSync(file, 'utf8')) as Catalog).releases;
  server = new ServerProcess({ mediaDir });
  await server.start();
});

test.afterAll(async () => {
  await server.dispose();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** A new album made of a generated one's files (already under MEDIA_DIR), as the operator publishes it. */
async function publishAlbum(id: string, title: string, artist: string): Promise<void> {
  const source = generated.find((r) => r.kind === 'album');
  if (!source) throw new Error('no album generated');
  const res = await publishRelease(server.origin, { ...source, id, title, artist, releaseDate: '2026-11-24' });
  expect(res.status).toBe(201);
}

const cards = (page: Page) => page.locator('release-card');
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search' });

test('search finds a release by a word of its title, as it is typed, and opens it', async () => {
  await publishAlbum('scale-zephyrine', 'Zephyrine Lanterns', 'Ilse Okonkwo');
  const { page, close } = await launchBrowser({ viewport: PHONE });
  try {
    await openApp(page, server.origin);
    await expect(cards(page).first()).toBeVisible();
    // Only what is on screen (and a few rows around it) is in the page, not 20,000 cards.
    expect(await cards(page).count()).toBeLessThan(40);
    await search(page).pressSequentially('zephyr', { delay: 60 });
    await expect(page.getByRole('status').filter({ hasText: 'Results for “zephyr”' })).toBeVisible();
    await expect(cards(page).first().getByRole('heading', { level: 3 })).toHaveText('Zephyrine Lanterns');
    await cards(page).first().getByRole('link', { name: 'Zephyrine Lanterns' }).click();
    await expect(page.getByRole('heading', { name: 'Zephyrine Lanterns', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle('Zephyrine Lanterns — Stowaway');
    // On a phone, Play and Download are in the first screen, above the tab bar.
    const tabBar = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    for (const name of ['Play album', 'Download']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box && tabBar && box.y + box.height).toBeLessThanOrEqual(tabBar?.y ?? 0);
    }
  } finally {
    await close();
  }
});

test('scrolling far pages the library in, and a release from far down opens', async () => {
  const { page, close } = await launchBrowser({ viewport: PHONE });
  try {
    await openApp(page, server.origin);
    await expect(cards(page).first()).toBeVisible();
    const lastPosition = () => page.locator('release-grid li').last().getAttribute('aria-posinset').then(Number);
    for (let i = 0; i < 200 && (await lastPosition()) < 600; i++) {
      await page.mouse.wheel(0, 2500);
      await page.waitForTimeout(50);
    }
    expect(await lastPosition()).toBeGreaterThanOrEqual(600);
    expect(await cards(page).count()).toBeLessThan(60);
    // The card at a position in the list (titles repeat among 20,000 generated ones).
    const position = await page.locator('release-grid li').nth(4).getAttribute('aria-posinset');
    const card = page.locator(`release-grid li[aria-posinset="${position}"]`);
    const title = (await card.getByRole('heading', { level: 3 }).textContent()) ?? '';
    await card.getByRole('link', { name: title, exact: true }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  } finally {
    await close();
  }
});

/** A card on screen whose artist is one of the generated catalog's (a test may have published others). */
async function cardOfGeneratedArtist(page: Page) {
  await expect(cards(page).first()).toBeVisible();
  for (let i = 0; ; i++) {
    const card = cards(page).nth(i);
    const artist = (await card.locator('a.artist').textContent()) ?? '';
    if (generated.some((r) => r.artist === artist)) return { card, artist };
  }
}

test("an artist's name opens their page, which lists every release of theirs", async () => {
  const { page, close } = await launchBrowser({ viewport: PHONE });
  try {
    await openApp(page, server.origin);
    const { card, artist } = await cardOfGeneratedArtist(page);
    await card.getByRole('link', { name: artist }).click();
    await expect(page.getByRole('heading', { name: artist, level: 1 })).toBeVisible();
    const theirs = generated.filter((r) => r.artist === artist).length;
    expect(theirs).toBeGreaterThan(1);
    await expect(page.getByText(`${theirs} releases`)).toBeVisible();
    await expect(cards(page).locator('a.artist').first()).toHaveText(artist);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 2500);
    await expect(page.locator('release-grid li').last()).toHaveAttribute('aria-posinset', String(theirs));
  } finally {
    await close();
  }
});

test('offline: the library pages seen, a release opened, the downloads and search over them all work', async () => {
  const { page, close } = await launchBrowser({ viewport: PHONE });
  const offline = new ServerProcess({ mediaDir });
  await offline.start();
  try {
    await openApp(page, offline.origin);
    const downloaded = generated.find((r) => r.kind === 'album' && r.id !== 'gen-0') as Release;
    await page.goto(`${offline.origin}/releases/${downloaded.id}`);
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Library' }).first().click();
    const seen = (await cards(page).nth(1).getByRole('heading', { level: 3 }).textContent()) ?? '';
    await offline.stop();

    // The person opens the app again with the server gone (a relaunch is what is tested).
    await page.reload();
    await expect(page.getByText(/^You are offline\./)).toBeVisible();
    // The first page seen is there (offline it is ordered by release date: the server's order is not stored).
    await expect(cards(page).first()).toBeVisible();
    // Search answers from what this device stores: a release seen on a page, and the download.
    await search(page).fill(seen);
    await expect(cards(page).getByRole('heading', { name: seen, level: 3, exact: true }).first()).toBeVisible();
    await search(page).fill(downloaded.title);
    await cards(page).getByRole('link', { name: downloaded.title }).first().click();
    await expect(page.getByRole('heading', { name: downloaded.title, level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play album' })).toBeEnabled();
  } finally {
    await close();
    await offline.dispose();
  }
});

test('a release published while the app was closed appears, and downloads itself when its artist is followed', async () => {
  const { page, context, close } = await launchBrowser({ viewport: PHONE });
  try {
    await openApp(page, server.origin);
    const { card, artist } = await cardOfGeneratedArtist(page);
    await card.getByRole('link', { name: artist }).click();
    await page.getByRole('button', { name: `Follow ${artist}` }).click();
    await page.getByRole('checkbox', { name: 'Download new releases automatically' }).check();
    // The choice is saved when its follow-up appears; the tab is closed after that, as a person
    // who saw it would (a tab closed within the save's milliseconds can lose it: the likely cause
    // of one failure in a full run).
    await expect(page.getByRole('checkbox', { name: 'Only on Wi-Fi or other unmetered connections' })).toBeVisible();
    await page.close();

    await publishAlbum('scale-while-closed', 'Written While You Slept', artist);

    const reopened = await context.newPage();
    await reopened.goto(server.origin);
    await expect(reopened.locator('release-card').first().getByRole('heading', { level: 3 })).toHaveText(
      'Written While You Slept',
    );
    await reopened.getByRole('link', { name: 'Downloads' }).first().click();
    await expect(reopened.getByText('Written While You Slept')).toBeVisible();
    await expect(reopened.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
  } finally {
    await close();
  }
});
