import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchBrowser, openApp } from '../fixtures/browser.js';
import { REPO_ROOT, ServerProcess } from '../fixtures/server-process.js';

const VIEWS = [
  ['catalog', '/'],
  ['release-album', '/releases/harbour-lights'],
  ['release-movie', '/releases/test-pattern'],
  ['downloads', '/downloads'],
  ['settings', '/settings'],
] as const;

const SIZES = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;

const screenshots = path.join(REPO_ROOT, 'e2e-output', 'screenshots');

// axe-core on every view, in the dark and the light scheme, and a screenshot of each view at
// phone and desktop size into e2e-output/screenshots (not committed).
test('every view has no serious accessibility violations', async () => {
  mkdirSync(screenshots, { recursive: true });
  const server = new ServerProcess();
  await server.start();
  const browser = await launchBrowser({ bypassCSP: true });
  const { page } = browser;
  try {
    await openApp(page, server.origin);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, url] of VIEWS) {
        await page.goto(`${server.origin}${url}`);
        await expect(page.locator('h1').first()).toBeVisible();
        await page.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
            }
          ).axe;
          const result = await axe.run(document);
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, `${name} in ${scheme}`).toEqual([]);
        for (const [size, viewport] of SIZES) {
          await page.setViewportSize(viewport);
          await page.screenshot({ path: path.join(screenshots, `${name}-${size}-${scheme}.png`), fullPage: true });
        }
        await page.setViewportSize(SIZES[0][1]);
      }
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
});
