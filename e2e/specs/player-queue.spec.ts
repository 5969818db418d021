import { expect, test, type Page } from '@playwright/test';
import { PAGES } from '#common/routes';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';

const PHONE = { width: 390, height: 844 };

const miniPlayer = (page: Page) => page.locator('mini-player');
/** The track the mini-player shows in its "Now playing" link. */
const nowPlayingTitle = (page: Page) =>
  miniPlayer(page)
    .getByRole('link', { name: /^Now playing: / })
    .locator('strong')
    .textContent();
const seek = (page: Page) => page.getByRole('slider', { name: 'Seek' });
const position = async (page: Page) => Number(await seek(page).inputValue());

/** Drags the scrubber to one second before the end, as a person skipping to a track's last moment. */
async function seekNearEnd(page: Page): Promise<void> {
  await expect.poll(async () => Number(await seek(page).getAttribute('max'))).toBeGreaterThan(10);
  const max = Number(await seek(page).getAttribute('max'));
  await seek(page).fill(String(max - 1));
  await seek(page).dispatchEvent('change');
}

async function chooseFromMenu(page: Page, forWhat: string, item: 'Play next' | 'Add to queue'): Promise<void> {
  await page.getByRole('button', { name: `More for ${forWhat}` }).click();
  await page.getByRole('button', { name: item }).click();
  await expect(page.getByRole('status').filter({ hasText: forWhat })).toBeVisible();
}

// What must hold: a queue spans releases. The last track of one album is followed by the first
// track of the album added after it, with no click in between.
test('a queue of two releases plays from the end of the first into the second', async () => {
  const { page, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await expect(page.getByRole('button', { name: 'Pause Night Ferry' })).toBeVisible();
    await openReleaseFromLibrary(page, 'Signal Garden');
    await chooseFromMenu(page, 'Signal Garden', 'Add to queue');
    await chooseFromMenu(page, 'Relay', 'Play next');

    // Up Next, in order: the track asked for next, then the album.
    await miniPlayer(page).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${PAGES.nowPlaying}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Night Ferry' })).toBeVisible();
    const upNext = page.getByRole('list', { name: 'Up next' }).getByRole('listitem');
    await expect(upNext).toHaveCount(5);
    await expect(upNext.first()).toContainText('Relay');
    await expect(upNext.nth(1)).toContainText('Pulse');

    await seekNearEnd(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Relay' })).toBeVisible({ timeout: 10_000 });
    await seekNearEnd(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Pulse' })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect(upNext).toHaveCount(3);
  } finally {
    await tearDown();
  }
});

test('repeat one replays the track, repeat all goes back to the top, shuffle keeps every track', async () => {
  const { page, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await miniPlayer(page).getByRole('link').click();
    const repeat = page.getByRole('button', { name: /^Repeat/ });
    await expect(repeat).toHaveAttribute('aria-pressed', 'false');

    await repeat.click();
    await expect(page.getByRole('button', { name: 'Repeat all' })).toHaveAttribute('aria-pressed', 'true');
    await seekNearEnd(page);
    // Night Ferry is the album's last track: repeat all starts it again from the first.
    await expect(page.getByRole('heading', { level: 1, name: 'Low Tide' })).toBeVisible({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Repeat all' }).click();
    await expect(page.getByRole('button', { name: 'Repeat one' })).toHaveAttribute('aria-pressed', 'true');
    await seekNearEnd(page);
    await expect.poll(() => position(page), { timeout: 10_000 }).toBeLessThan(5);
    await expect(page.getByRole('heading', { level: 1, name: 'Low Tide' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

    const shuffle = page.getByRole('button', { name: 'Shuffle' });
    await shuffle.click();
    await expect(shuffle).toHaveAttribute('aria-pressed', 'true');
    const upNext = page.getByRole('list', { name: 'Up next' }).getByRole('listitem');
    await expect(upNext).toHaveCount(2);
    const titles = await upNext.locator('.title > span:first-child').allTextContents();
    expect(titles.sort()).toEqual(['Lantern Swell', 'Night Ferry']);
    await shuffle.click();
    await expect(shuffle).toHaveAttribute('aria-pressed', 'false');
    await expect(upNext.first()).toContainText('Lantern Swell');
  } finally {
    await tearDown();
  }
});

// What must hold: a reload (or a relaunch) comes back to the queue and the track, paused; a song
// started again plays from 0:00; Previous restarts a track after 3 s and goes back before.
test('a reload restores the queue paused; songs start at 0:00; Previous restarts, then goes back', async () => {
  const { page, origin, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Play Lantern Swell' }).click();
    await openReleaseFromLibrary(page, 'Signal Garden');
    await chooseFromMenu(page, 'Signal Garden', 'Add to queue');
    await seek(page).fill('12');
    await seek(page).dispatchEvent('change');
    await expect.poll(() => position(page)).toBeGreaterThanOrEqual(12);
    await page.keyboard.press('Space'); // focus is outside any text field: Space pauses
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

    // Seeking while paused, then reloading at once: the reload comes back to where the person seeked.
    await seek(page).fill('17');
    await seek(page).dispatchEvent('change');
    await expect.poll(() => position(page)).toBe(17);
    await page.waitForTimeout(1000); // the second a person takes between the seek and the reload
    await page.reload(); // the relaunch whose restored session is under test
    await expect.poll(() => nowPlayingTitle(page)).toBe('Lantern Swell');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await expect.poll(() => position(page)).toBe(17);
    await page.goto(`${origin}${PAGES.nowPlaying}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Lantern Swell' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Up next' }).getByRole('listitem')).toHaveCount(5);

    // Play album starts the album over: the first track, at 0:00.
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Play album' }).click();
    await expect(page.getByRole('button', { name: 'Pause Low Tide' })).toBeVisible();
    await expect.poll(() => position(page)).toBeGreaterThanOrEqual(1);
    expect(await position(page)).toBeLessThan(4);

    // Previous on the first track restarts it.
    await expect.poll(() => position(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await miniPlayer(page).getByRole('button', { name: 'Previous track' }).click();
    await expect.poll(() => position(page)).toBeLessThan(3);
    await miniPlayer(page).getByRole('button', { name: 'Next track' }).click();
    await expect.poll(() => nowPlayingTitle(page)).toBe('Lantern Swell');
    expect(await position(page)).toBeLessThan(3);
    // Within the first seconds, Previous goes back a track.
    await miniPlayer(page).getByRole('button', { name: 'Previous track' }).click();
    await expect.poll(() => nowPlayingTitle(page)).toBe('Low Tide');
  } finally {
    await tearDown();
  }
});

test('keyboard: Space pauses and plays, arrows seek; icons are drawn, not font glyphs', async () => {
  const { page, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Play album' }).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const before = await position(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position(page)).toBeGreaterThanOrEqual(before + 9);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    const transport = miniPlayer(page).locator('transport-controls').getByRole('button');
    for (const button of await transport.all()) {
      expect(await button.locator('svg').count()).toBe(1);
      expect((await button.textContent())?.trim()).toBe('');
    }
  } finally {
    await tearDown();
  }
});

// What must hold: Now Playing has a way out besides the browser's Back (an installed app on a phone
// has none): Close and Escape go back to the page it was opened from; opened from a link of its
// own (a new tab, a relaunch), Close goes to the release that is playing, never out of the app.
test('Now Playing closes with Close or Escape, back to where it was opened from', async () => {
  const { page, origin, tearDown } = await startAppSession({ viewport: PHONE });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Play album' }).click();
    const opener = miniPlayer(page).getByRole('link', { name: /^Now playing: / });
    await opener.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Low Tide' })).toBeVisible();
    await page.getByRole('button', { name: 'Close Now Playing' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Harbour Lights' })).toBeVisible();
    await expect(page).toHaveURL(`${origin}${PAGES.release('harbour-lights')}`);

    await opener.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Low Tide' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Harbour Lights' })).toBeVisible();
    // Back once more is the page before the release: Close went back, it did not add a page.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();

    const tab = await page.context().newPage();
    await tab.goto(`${origin}${PAGES.nowPlaying}`);
    await expect(tab.getByRole('heading', { level: 1, name: 'Low Tide' })).toBeVisible();
    await tab.getByRole('button', { name: 'Close Now Playing' }).click();
    await expect(tab.getByRole('heading', { level: 1, name: 'Harbour Lights' })).toBeVisible();
    await tab.close();
  } finally {
    await tearDown();
  }
});
