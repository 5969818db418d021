import { expect, test, type Page } from '@playwright/test';
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

/** The page's layout shifts so far (not those right after an input), summed as the browser counts them. */
const layoutShift = (page: Page) =>
  page.evaluate(
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

// Settings opened from a link on a phone, a first visit: the cards stay where they first showed
// while the switches' state is looked up. A one-line "Checking…" that grew into two cards pushed
// everything below it down (Lighthouse: layout shift 0.24 on /settings).
test('Settings does not jump while it finds out what is switched on', async () => {
  const server = new ServerProcess();
  await server.start();
  const browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = browser;
    await page.goto(`${server.origin}/settings`);
    await expect(page.getByRole('button', { name: 'Notify me about new releases' })).toBeEnabled();
    await expect(page.getByRole('checkbox', { name: /Refresh the catalog in the background/ })).toBeEnabled();
    expect(await layoutShift(page)).toBeLessThan(0.05); // half the web's threshold of a page that jumps
  } finally {
    await browser.close();
    await server.dispose();
  }
});

// On a slow phone (the CPU 6× slower) a page's parts used to come a task after the page, with a
// paint between: a release's buttons pushed what is below them down (0.11 every time at 320×640),
// and Settings' cards pushed Storage down (0.45 to 0.76 in about one load in four). Each page,
// opened from a link, keeps its layout as it fills in.
test('on a slow phone, a release page, Settings and Downloads fill in without moving', async () => {
  const server = new ServerProcess();
  await server.start();
  const browser = await launchBrowser({ viewport: { width: 320, height: 640 } });
  try {
    const { page, context } = browser;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    const pages: Array<[string, string]> = [
      ['/releases/harbour-lights', 'Harbour Lights'],
      ['/settings', 'What this browser can do'],
      ['/downloads', 'Downloads'],
      ['/releases/test-pattern', 'Test Pattern'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [path, heading] of pages) {
        await page.goto(`${server.origin}${path}`);
        await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible({ timeout: 15_000 });
        await page.waitForTimeout(1000); // what the page fetches after its first paint, in
        expect(await layoutShift(page), `${path}, load ${round + 1}`).toBeLessThan(0.05);
      }
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
});
