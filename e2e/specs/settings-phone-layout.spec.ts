import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { launchBrowser } from '../fixtures/browser.js';
import { ServerProcess } from '../fixtures/server-process.js';

// The Settings page on phones: nothing wider than the screen, so nothing needs a sideways scroll
// and every answer in "What this browser can do" can be read. It was 484 px wide at 320-390 px.
test('Settings has no horizontal overflow at 320, 360 and 390 px', async () => {
  const { page, origin, tearDown } = await startAppSession({ viewport: { width: 390, height: 844 } });
  try {
    await page.goto(`${origin}/settings`);
    await expect(page.getByRole('heading', { name: 'What this browser can do' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Notify me about new releases' })).toBeVisible();
    for (const width of [320, 360, 390]) {
      await page.setViewportSize({ width, height: 844 });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
      const answers = await page
        .locator('settings-view dd')
        .evaluateAll((dds) => dds.map((dd) => ({ text: dd.textContent?.trim() ?? '', ...dd.getBoundingClientRect().toJSON() })));
      expect(answers.length).toBe(4);
      for (const { text, left, right } of answers as Array<{ text: string; left: number; right: number }>) {
        expect(left, `"${text}" at ${width} px`).toBeGreaterThanOrEqual(0);
        expect(right, `"${text}" at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
  } finally {
    await tearDown();
  }
});

// Settings opened from a link on a phone, a first visit: the cards stay where they first showed
// while the switches' state is looked up. A one-line "Checking…" that grew into two cards pushed
// everything below it down (Lighthouse: layout shift 0.24 on /settings); 0.1 is the web's
// threshold for a page that does not jump under a person's thumb.
test('Settings does not jump while it finds out what is switched on', async () => {
  const server = new ServerProcess();
  await server.start();
  const browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = browser;
    await page.goto(`${server.origin}/settings`);
    await expect(page.getByRole('button', { name: 'Notify me about new releases' })).toBeEnabled();
    await expect(page.getByRole('checkbox', { name: /Refresh the catalog in the background/ })).toBeEnabled();
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const shifts = list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>;
            resolve(shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0));
          }).observe({ type: 'layout-shift', buffered: true });
          // No shift at all: the observer is never called.
          setTimeout(() => resolve(0), 500);
        }),
    );
    expect(shift).toBeLessThan(0.1);
  } finally {
    await browser.close();
    await server.dispose();
  }
});
