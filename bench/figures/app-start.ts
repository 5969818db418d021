import { launchBrowser, openApp } from '../../e2e/fixtures/browser.js';
import type { Benchmark, Figure } from '../harness.js';
import { median } from '../harness.js';

const RUNS = 5;

/** Figure 5: what the first visit transfers, and navigation to a rendered catalog online and offline. */
export const appStart: Benchmark = {
  name: 'app-start',
  description: 'initial JS+CSS (as sent: brotli) and navigation to the rendered catalog, online and with the server stopped',
  async run({ origin, server }) {
    const browser = await launchBrowser();
    const { page } = browser;
    try {
      await openApp(page, origin);
      await page.locator('release-card').first().waitFor();
      // The first screen's scripts and styles are the ones the page as sent names (the entry and
      // what it preloads); the pages loaded once the app is idle (page-modules.ts) come after it.
      // A string, not a function: tsx names the helpers inside one with a function the page lacks.
      const { initial, firstVisit } = await page.evaluate<{ initial: number; firstVisit: number }>(`(async () => {
        const sent = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
        const named = new Set([...sent.querySelectorAll('script[src], link[rel=modulepreload], link[rel=stylesheet]')]
          .map((el) => new URL(el.getAttribute('src') || el.getAttribute('href'), location.href).href));
        const scripts = performance.getEntriesByType('resource')
          .filter((e) => /\\.(js|css)$/.test(new URL(e.name).pathname) && !e.name.includes('shaka'));
        const sum = (entries) => entries.reduce((total, e) => total + e.transferSize, 0);
        return { initial: sum(scripts.filter((e) => named.has(e.name))), firstVisit: sum(scripts) };
      })()`);

      const timeToCatalog = async () => {
        const times: number[] = [];
        for (let i = 0; i < RUNS + 1; i++) {
          const start = performance.now();
          await page.reload();
          await page.locator('release-card').first().waitFor();
          if (i > 0) times.push(performance.now() - start); // the first is a warm-up
        }
        return times;
      };
      const online = await timeToCatalog();
      await server.stop();
      const offline = await timeToCatalog();
      await server.start();
      const figures: Figure[] = [
        {
          name: 'app start: JS+CSS of the first screen (brotli, no shaka)',
          stowaway: `${(initial / 1024).toFixed(1)} KB`,
          anchor: '60 KB budget',
          ratio: initial / 1024 / 60,
          goal: '< 60 KB',
          data: { bytes: initial },
        },
        {
          name: 'app start: all JS+CSS of the first visit, with the pages loaded when idle (brotli, no shaka)',
          stowaway: `${(firstVisit / 1024).toFixed(1)} KB`,
          anchor: '60 KB budget',
          ratio: firstVisit / 1024 / 60,
          goal: 'report',
          data: { bytes: firstVisit },
        },
        {
          name: 'app start: navigation to rendered catalog',
          stowaway: `${median(offline).toFixed(0)} ms offline`,
          anchor: `${median(online).toFixed(0)} ms online`,
          ratio: median(offline) / median(online),
          goal: 'offline ≤ 1.5x online',
          data: { onlineMs: online, offlineMs: offline },
        },
      ];
      return figures;
    } finally {
      await browser.close();
    }
  },
};
