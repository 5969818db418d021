import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { downloadThroughUi } from '../fixtures/download-helpers.js';

// What must work with no server: shaka-player plays the downloaded DASH movie from the SW's cache,
// and a seek lands and playback continues from there. The reload is the person reopening the app
// with no network.
test('download the movie on a first visit, stop the server, play it in shaka and seek', async () => {
  const { page, server, tearDown } = await startAppSession();
  try {
    await downloadThroughUi(page, 'Test Pattern');
    await server.stop();

    await page.reload();
    await expect(page.getByText('Available offline')).toBeVisible();
    await page.getByRole('button', { name: 'Watch' }).click();
    const video = page.locator('movie-player video');
    await expect(video).toBeVisible();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
    await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 15));
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(16);
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
    expect(await page.locator('movie-player').getByRole('alert').count()).toBe(0);
  } finally {
    await tearDown();
  }
});
