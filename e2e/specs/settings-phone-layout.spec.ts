import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';

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
