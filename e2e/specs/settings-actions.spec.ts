import { expect, test, type Page } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';

const section = (page: Page, title: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: title }) });

// Not installed, so Chromium refuses periodic background sync: the box unticks, the reason is said
// under it, the table below says the same, and nothing throws (it used to stay ticked and throw on
// a null event target).
test('a refused background refresh leaves the box unticked with the message beside it', async () => {
  const { page, origin, tearDown } = await startAppSession();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${origin}/settings`);
    const card = section(page, 'Catalog refresh');
    const box = card.getByRole('checkbox', { name: 'Refresh the catalog in the background' });
    await box.click();
    await expect(card.getByRole('status')).toContainText('installed', { timeout: 5_000 });
    await expect(box).not.toBeChecked();
    await expect(box).toBeEnabled();
    // The table of what this browser can do agrees (it said a plain Yes beside the refusal).
    await expect(page.locator('dd[data-feature="periodic-sync"]')).toHaveText(/^Yes, for the installed app/);
    expect(errors).toEqual([]);
  } finally {
    await tearDown();
  }
});

// Headless Chromium reaches no push service here (no network beyond loopback, background
// networking off): subscribe() never answers. Permission is granted as a person would in the
// prompt. The button shows it is working, then the attempt ends within 15 s with a sentence beside it.
test('"Notify me" with an unreachable push service ends within 15 s with a message', async () => {
  const { page, origin, browser, tearDown } = await startAppSession();
  try {
    await browser.context.grantPermissions(['notifications'], { origin });
    await page.goto(`${origin}/settings`);
    const card = section(page, 'New-release alerts');
    const started = Date.now();
    await card.getByRole('button', { name: 'Notify me about new releases' }).click();
    await expect(card.getByRole('button', { name: 'Working…' })).toBeDisabled();
    await expect(card.getByRole('status')).toContainText('did not answer', { timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(card.getByRole('button', { name: 'Notify me about new releases' })).toBeEnabled();
    await expect(card.getByText('Alerts are off.')).toBeVisible();
  } finally {
    await tearDown();
  }
});

// Notifications refused (headless Chromium answers the prompt with a refusal, as a person's "Block"
// does): the explanation is under the button that was pressed, and the table of what this browser
// can do no longer says Yes.
test('with notifications blocked, "Notify me" explains beside the button and the table says No', async () => {
  const { page, origin, tearDown } = await startAppSession();
  try {
    await page.goto(`${origin}/settings`);
    const card = section(page, 'New-release alerts');
    await card.getByRole('button', { name: 'Notify me about new releases' }).click();
    await expect(card.getByRole('status')).toContainText('blocked for this site', { timeout: 5_000 });
    expect(await page.evaluate(() => Notification.permission)).toBe('denied');
    await expect(page.locator('dd[data-feature="push"]')).toHaveText(/^No — notifications are blocked/);
  } finally {
    await tearDown();
  }
});

// "Keep my downloads" always answers beside the button, granted or refused (it used to say nothing
// when the browser refused, which headless Chromium does for a site neither installed nor used).
test('"Keep my downloads" says beside the button what the browser decided', async () => {
  const { page, origin, tearDown } = await startAppSession();
  try {
    await page.goto(`${origin}/settings`);
    const card = section(page, 'Storage');
    await card.getByRole('button', { name: 'Keep my downloads' }).click();
    const granted = await page.evaluate(() => navigator.storage.persisted());
    await expect(card.getByRole('status')).toHaveText(granted ? /^Done: the browser will keep/ : /^The browser said no/, {
      timeout: 5_000,
    });
  } finally {
    await tearDown();
  }
});
