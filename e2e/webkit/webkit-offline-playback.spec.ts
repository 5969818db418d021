import { expect, test } from '@playwright/test';
import { deepQueryInPage } from '../fixtures/app-text.js';
import { appText, clickButton, waitForText } from '../fixtures/webkit.js';
import type { WebKitPage } from '../fixtures/webkit-page.js';
import { downloadFromLibrary, startWebKitSession } from '../fixtures/webkit-session.js';

// Both tests play what one first visit downloaded (an album and the film), with the server stopped.
let t: Awaited<ReturnType<typeof startWebKitSession>>;
test.beforeAll(async () => {
  t = await startWebKitSession();
  await downloadFromLibrary(t.page, 'Harbour Lights');
  await downloadFromLibrary(t.page, 'Test Pattern');
  await t.server.stop();
});
test.afterAll(async () => {
  await t?.tearDown();
});

/** Waits until the page has an element matching `selector` (in any shadow root). */
async function elementOf(page: WebKitPage, selector: string): Promise<string> {
  let id: string | undefined;
  await expect.poll(async () => (id = await page.element(deepQueryInPage, selector)), { timeout: 15_000 }).toBeTruthy();
  return id as string;
}

// What must hold: a downloaded track plays with no network, and a seek to 80% lands there and
// keeps playing: WebKit's media stack gets every range it asks for from the SW.
test('WebKit: offline, a downloaded track plays and seeks from the mini player', async () => {
  await t.page.goto(`${t.origin}/releases/harbour-lights`);
  await waitForText(t.page, 'Available offline');
  await clickButton(t.page, 'Play Low Tide');
  const seek = await elementOf(t.page, 'input[aria-label="Seek"]');
  const position = () => t.page.evaluateOn(seek, (input: HTMLInputElement) => Number(input.value));
  await expect.poll(position, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  await t.page.click(seek, 0.8); // Low Tide is 24 s long: about 0:19
  await expect.poll(position, { timeout: 10_000 }).toBeGreaterThanOrEqual(18);
  const afterSeek = await position();
  await expect.poll(position, { timeout: 10_000 }).toBeGreaterThan(afterSeek);
  expect(await appText(t.page)).not.toContain('Could not play');
});

// What must hold: the film plays offline in shaka-player from the SW's cached segments, a seek
// lands where asked, and the English subtitles show the cue of that moment.
test('WebKit: offline, the film plays in shaka-player, seeks, and shows its subtitles', async () => {
  await t.page.goto(`${t.origin}/releases/test-pattern`);
  await waitForText(t.page, 'Available offline');
  await clickButton(t.page, /Watch$/);
  const video = await elementOf(t.page, 'video');
  const state = () =>
    t.page.evaluateOn(video, (v: HTMLVideoElement) => ({
      time: v.currentTime,
      // The app draws subtitles itself, on the picture (shaka's UITextDisplayer), not as a native track.
      cues: v.parentElement?.querySelector('.shaka-text-container')?.textContent ?? '',
    }));
  await expect.poll(async () => (await state()).time, { timeout: 15_000 }).toBeGreaterThan(1);
  // The native controls live in the browser's own shadow tree, out of WebDriver's reach: set the
  // time as their timeline does.
  await t.page.evaluateOn(video, (v: HTMLVideoElement) => void (v.currentTime = 11));
  await expect.poll(async () => (await state()).time, { timeout: 10_000 }).toBeGreaterThan(11.5);
  await expect.poll(async () => (await state()).cues, { timeout: 5_000 }).toContain('The clock below counts the seconds.');
  expect(await appText(t.page)).not.toContain('The movie cannot play');
});
