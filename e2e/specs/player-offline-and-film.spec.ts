import { expect, test, type Page } from '@playwright/test';
import { PAGES } from '#common/routes';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { downloadThroughUi } from '../fixtures/download-helpers.js';

const PHONE = { width: 390, height: 844 };
const position = async (page: Page) => Number(await page.getByRole('slider', { name: 'Seek' }).inputValue());

// What must hold: offline, what cannot play says so before anyone presses it, and what was
// downloaded plays; the Offline mode switch does the same on purpose with the server up.
test('offline, tracks not downloaded are disabled with the reason; downloaded ones play; Offline mode does the same', async () => {
  const { page, server, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await downloadThroughUi(page, 'Harbour Lights');
    // Opened once online, so its tracks are stored (a release only seen in the library is not).
    await openReleaseFromLibrary(page, 'Signal Garden');
    await server.stop();
    // The person opening the app again with the server gone (what is tested is that relaunch).
    await page.reload();
    await expect(page.getByText('You are offline.')).toBeVisible({ timeout: 15_000 });

    await openReleaseFromLibrary(page, 'Signal Garden');
    await expect(page.getByRole('button', { name: 'Play album' })).toBeDisabled();
    await expect(page.getByText('Not downloaded (you are offline)')).toBeVisible();
    const pulse = page.getByRole('button', { name: /^Play Pulse/ });
    await expect(pulse).toBeDisabled();
    await expect(pulse).toHaveAccessibleName('Play Pulse. Not downloaded (you are offline)');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await expect(page.locator('release-card').filter({ hasText: 'Signal Garden' })).toHaveAttribute('unavailable', '');
    await expect(page.locator('release-card').filter({ hasText: 'Harbour Lights' })).not.toHaveAttribute('unavailable');

    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Play Lantern Swell' }).click();
    await expect.poll(() => position(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect(page.locator('mini-player').getByRole('alert')).toHaveCount(0);
    await page.locator('mini-player').getByRole('button', { name: 'Pause' }).click();

    // Offline mode, with the server back: still only downloads play.
    await server.start();
    // The app looks for the server every 10 s while it is away.
    await expect(page.getByText('You are offline.')).toHaveCount(0, { timeout: 15_000 });
    // Something streams when Offline mode goes on: it stops, and the player says why.
    await openReleaseFromLibrary(page, 'Signal Garden');
    await page.getByRole('button', { name: 'Play Pulse' }).click();
    await expect(page.locator('mini-player').getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('switch', { name: 'Offline mode' }).check();
    await expect(page.getByText('On: only your downloads play')).toBeVisible();
    await expect(page.locator('mini-player').getByRole('alert')).toHaveText(
      '“Pulse” is not downloaded, so it cannot play offline.',
    );
    await page.locator('mini-player').getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.locator('mini-player').getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await openReleaseFromLibrary(page, 'Signal Garden');
    await expect(page.getByRole('button', { name: /^Play Pulse/ })).toHaveAccessibleName(
      'Play Pulse. Not downloaded (Offline mode is on)',
    );
    await expect(page.getByRole('button', { name: /^Play Pulse/ })).toBeDisabled();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('switch', { name: 'Offline mode' }).uncheck();
    await openReleaseFromLibrary(page, 'Signal Garden');
    await expect(page.getByRole('button', { name: 'Play Pulse' })).toBeEnabled();
  } finally {
    await tearDown();
  }
});

// What must hold: a film opens full screen on a phone with its own controls, subtitles on, and
// comes back where it was left (also from "Continue watching"); the CSP refuses nothing.
test('Watch opens the film full screen with ±10 s and subtitles, and it continues where it was left', async () => {
  const { page, origin, tearDown } = await startAppSession({ viewport: PHONE });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text());
  });
  try {
    await openReleaseFromLibrary(page, 'Test Pattern');
    await page.getByRole('button', { name: 'Watch' }).click();
    const player = page.getByRole('dialog', { name: 'Playing Test Pattern' });
    await expect(player).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    const box = await player.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    const video = page.locator('movie-player video');
    const time = () => video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(time, { timeout: 20_000 }).toBeGreaterThan(1);
    await expect(player.getByRole('button', { name: 'Subtitles' })).toHaveAttribute('aria-pressed', 'true');
    await player.getByRole('button', { name: 'Forward 10 seconds' }).click();
    await expect.poll(time).toBeGreaterThan(11);
    // The subtitle of that moment, drawn by the app (not a native <track>).
    await expect(player.locator('.shaka-text-container')).toContainText('The clock below counts the seconds.', { timeout: 5000 });
    await player.getByRole('button', { name: 'Back 10 seconds' }).click();
    await expect.poll(time).toBeLessThan(10);
    await player.getByRole('button', { name: 'Forward 10 seconds' }).click();
    await player.getByRole('button', { name: 'Pause' }).click();
    const leftAt = await time();
    expect(leftAt).toBeGreaterThan(10);
    await player.getByRole('button', { name: 'Close player' }).click();
    await expect(player).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Watch' })).toBeFocused();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();

    // A relaunch later: the library offers to continue, and the film starts where it stopped.
    await page.goto(`${origin}${PAGES.catalog}`);
    const continuing = page.getByRole('heading', { name: 'Continue watching' });
    await expect(continuing).toBeVisible();
    await page
      .locator('continue-watching')
      .getByRole('link', { name: /Test Pattern/ })
      .click();
    await expect(page.getByText(/^Continues from 0:1\d$/)).toBeVisible();
    await page.getByRole('button', { name: 'Watch' }).click();
    await expect.poll(time, { timeout: 20_000 }).toBeGreaterThan(leftAt - 1);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(refused.filter((text) => /Content Security Policy|data:,WEBVTT/.test(text))).toEqual([]);
  } finally {
    await tearDown();
  }
});
