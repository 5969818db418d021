import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { deepQueryInPage } from '../fixtures/app-text.js';
import { clickButton, launchFirefox, openAppInFirefox, openReleaseInFirefox, waitForText } from '../fixtures/firefox.js';
import { ServerProcess } from '../fixtures/server-process.js';

// Real Firefox, driven by puppeteer-core over WebDriver BiDi (no accessibility tree: text and labels).

async function setUp() {
  const server = new ServerProcess();
  await server.start();
  const firefox = await launchFirefox();
  await openAppInFirefox(firefox.page, server.origin);
  return {
    server,
    page: firefox.page,
    async tearDown() {
      await firefox.close();
      await server.dispose();
    },
  };
}

/** The title the mini-player shows. */
const nowPlaying = (page: Page) =>
  page.evaluate(
    (find: string) =>
      (new Function(`return (${find})`)() as typeof deepQueryInPage)('mini-player')?.shadowRoot?.querySelector('strong')
        ?.textContent,
    deepQueryInPage.toString(),
  );

/** The mini-player's scrubber moved to one second before the end, as a person drags it. */
const seekNearEnd = (page: Page) =>
  page.evaluate((find: string) => {
    const seek = (new Function(`return (${find})`)() as typeof deepQueryInPage)(
      'input[aria-label="Seek"]',
    ) as HTMLInputElement | null;
    if (!seek || Number(seek.max) < 10) return false;
    seek.value = String(Number(seek.max) - 1);
    seek.dispatchEvent(new Event('change'));
    return true;
  }, deepQueryInPage.toString());

test('Firefox: a queue of two releases plays from the end of the first into the second', async () => {
  const t = await setUp();
  try {
    await openReleaseInFirefox(t.page, 'Harbour Lights');
    await clickButton(t.page, 'Play Night Ferry');
    await expect.poll(() => nowPlaying(t.page)).toBe('Night Ferry');
    await openReleaseInFirefox(t.page, 'Signal Garden');
    await clickButton(t.page, 'More for Signal Garden');
    await clickButton(t.page, /Add to queue$/);
    await waitForText(t.page, 'Added to queue: Signal Garden');
    await expect.poll(() => seekNearEnd(t.page), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => nowPlaying(t.page), { timeout: 15_000 }).toBe('Pulse');
  } finally {
    await t.tearDown();
  }
});

// What must hold: with the server gone and nothing downloaded, nothing offers to play; Offline
// mode says the same with the server up.
test('Firefox: offline or in Offline mode, what is not downloaded is disabled with the reason', async () => {
  const t = await setUp();
  const playPulse = () =>
    t.page.evaluate((find: string) => {
      const button = (new Function(`return (${find})`)() as typeof deepQueryInPage)(
        'button[aria-label^="Play Pulse"]',
      ) as HTMLButtonElement | null;
      return button ? { disabled: button.disabled, label: button.getAttribute('aria-label') } : null;
    }, deepQueryInPage.toString());
  const flipOfflineMode = () =>
    t.page.evaluate((find: string) => {
      (new Function(`return (${find})`)() as typeof deepQueryInPage)('input[role="switch"]')?.dispatchEvent(
        new MouseEvent('click', { bubbles: true }),
      );
    }, deepQueryInPage.toString());
  try {
    await clickButton(t.page, 'Settings');
    await waitForText(t.page, 'Offline mode');
    await flipOfflineMode();
    await waitForText(t.page, 'On: only your downloads play');
    await openReleaseInFirefox(t.page, 'Signal Garden');
    await expect.poll(playPulse).toEqual({ disabled: true, label: 'Play Pulse. Not downloaded (Offline mode is on)' });
    await clickButton(t.page, 'Settings');
    await waitForText(t.page, 'Offline mode');
    await flipOfflineMode();
    await waitForText(t.page, 'Off: everything streams');
    await openReleaseInFirefox(t.page, 'Signal Garden');
    await expect.poll(playPulse).toEqual({ disabled: false, label: 'Play Pulse' });

    await t.server.stop();
    // The person opening the app again with the server gone (what is tested is that relaunch).
    await t.page.reload();
    await waitForText(t.page, 'You are offline');
    await expect.poll(playPulse).toEqual({ disabled: true, label: 'Play Pulse. Not downloaded (you are offline)' });
    await waitForText(t.page, 'Not downloaded (you are offline)');
  } finally {
    await t.tearDown();
  }
});
