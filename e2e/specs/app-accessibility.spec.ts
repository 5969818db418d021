import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../fixtures/axe.js';
import { launchBrowser, openApp } from '../fixtures/browser.js';
import { REPO_ROOT, ServerProcess } from '../fixtures/server-process.js';

const VIEWS = [
  ['catalog', '/'],
  ['release-album', '/releases/harbour-lights'],
  ['release-movie', '/releases/test-pattern'],
  ['artist', '/artists/the-stowaways'],
  ['downloads', '/downloads'],
  ['settings', '/settings'],
  ['now-playing', '/now-playing'],
] as const;

const SIZES = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;

const screenshots = path.join(REPO_ROOT, 'e2e-output', 'screenshots');

async function screenshotAtEverySize(page: Page, name: string, scheme: string): Promise<void> {
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: path.join(screenshots, `${name}-${size}-${scheme}.png`), fullPage: true });
  }
  await page.setViewportSize(SIZES[0][1]);
}

// axe-core on every view, in the dark and the light scheme, and a screenshot of each view at
// phone and desktop size into e2e-output/screenshots (not committed). Something is playing (an
// album, paused), as when a person looks around the app, so Now Playing and the mini-player show.
test('every view has no serious accessibility violations', async () => {
  mkdirSync(screenshots, { recursive: true });
  const server = new ServerProcess();
  await server.start();
  const browser = await launchBrowser({ bypassCSP: true });
  const { page } = browser;
  try {
    await openApp(page, server.origin);
    await page.goto(`${server.origin}/releases/harbour-lights`);
    await page.getByRole('button', { name: 'Play album' }).click();
    await page.locator('mini-player').getByRole('button', { name: 'Pause' }).click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, url] of VIEWS) {
        await page.goto(`${server.origin}${url}`);
        await expect(page.locator('h1').first()).toBeVisible();
        expect(await seriousViolations(page), `${name} in ${scheme}`).toEqual([]);
        await screenshotAtEverySize(page, name, scheme);
      }
      // The film player, paused a few seconds in.
      await page.goto(`${server.origin}/releases/test-pattern`);
      await page.getByRole('button', { name: 'Watch' }).click();
      const video = page.locator('movie-player video');
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(2);
      await page.getByRole('dialog').getByRole('button', { name: 'Pause' }).click();
      expect(await seriousViolations(page), `film player in ${scheme}`).toEqual([]);
      await screenshotAtEverySize(page, 'film-player', scheme);
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
});
