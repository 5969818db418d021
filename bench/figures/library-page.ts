import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchBrowser, openApp } from '../../e2e/fixtures/browser.js';
import { ServerProcess } from '../../e2e/fixtures/server-process.js';
import { generateCatalog } from '../generate-catalog.js';
import { median, type Benchmark, type Figure } from '../harness.js';

const RELEASES = Number(process.env.BENCH_CATALOG_RELEASES ?? 100_000);
const RUNS = 5;
const PHONE = { width: 390, height: 844 };
/** Words a person types, the last letter timed: each finds releases among the generated ones. */
const WORDS = ['velvet', 'golden', 'cafe', 'midnight', 'silver', 'quiet', 'northern'];
const SCROLLED = 2_000;

const spread = (values: readonly number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
const ms = (values: readonly number[]) => `${median(values).toFixed(0)} ms (${spread(values)})`;

/** Reloads of a controlled page, each timed from navigation start to the first card in the grid. */
async function timeToFirstCard(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await page.reload();
    await page.locator('release-card').first().waitFor();
    const at = await page.evaluate(() => performance.now()); // since this navigation began
    if (i > 0) times.push(at); // the first is a warm-up
  }
  return times;
}

/**
 * Milliseconds from the last keystroke of each word to the page's answer for it: its results
 * (or, in the 3-release anchor, that nothing matches) in the status line and the grid.
 */
async function keystrokeToResults(page: Page, words: readonly string[]): Promise<number[]> {
  const search = page.getByRole('searchbox', { name: 'Search' });
  const times: number[] = [];
  for (const word of words) {
    await search.fill(word.slice(0, -1));
    await page
      .getByRole('status')
      .filter({ hasText: `“${word.slice(0, -1)}”` })
      .waitFor();
    const started = performance.now();
    await search.press(word.at(-1) as string);
    await page
      .getByRole('status')
      .filter({ hasText: `“${word}”` })
      .waitFor();
    times.push(performance.now() - started);
  }
  await search.fill('');
  return times;
}

/** The page's JS heap after a full garbage collection, in MB. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

async function scrollThrough(page: Page, releases: number): Promise<void> {
  const last = () => page.locator('release-grid li').last().getAttribute('aria-posinset').then(Number);
  while ((await last()) < releases) {
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(30);
  }
}

/** The library page with one server's catalog: first card online and offline, and search. */
async function measure(server: ServerProcess, label: string) {
  const step = (what: string) => process.stderr.write(`  library-page, ${label}: ${what}\n`);
  const browser = await launchBrowser({ viewport: PHONE });
  try {
    await openApp(browser.page, server.origin);
    step('first card online');
    const online = await timeToFirstCard(browser.page);
    step('search');
    const search = await keystrokeToResults(browser.page, WORDS);
    step('first card with the server stopped');
    await server.stop();
    const offline = await timeToFirstCard(browser.page);
    await server.start();
    return { online, offline, search, browser };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The library page with 100,000 releases against the 3-release sample catalog, in the same run. */
export const libraryPage: Benchmark = {
  name: 'library-page',
  description: `the library page with ${RELEASES.toLocaleString('en')} releases vs the sample catalog: first card, search, heap`,
  async run({ mediaDir }) {
    const small = new ServerProcess({ mediaDir });
    await small.start();
    const anchor = await measure(small, '3 releases').finally(() => small.dispose());
    await anchor.browser.close();

    const bigMedia = mkdtempSync(path.join(os.tmpdir(), 'stowaway-bench-page-'));
    await generateCatalog(RELEASES, bigMedia);
    const big = new ServerProcess({ mediaDir: bigMedia });
    await big.start();
    try {
      const result = await measure(big, `${RELEASES} releases`);
      const { page } = result.browser;
      await page.reload();
      await page.locator('release-card').first().waitFor();
      const heapAtStart = await heapMb(page);
      await scrollThrough(page, SCROLLED);
      const heapScrolled = await heapMb(page);
      await result.browser.close();
      const size = RELEASES.toLocaleString('en');
      const figures: Figure[] = [
        {
          name: `library page: navigation to the first card, ${size} releases, online`,
          stowaway: ms(result.online),
          anchor: `${ms(anchor.online)} with 3`,
          ratio: median(result.online) / median(anchor.online),
          goal: '≤ 1 s and ≤ 1.5x',
          data: { ms: result.online, anchorMs: anchor.online },
        },
        {
          name: `library page: navigation to the first card, ${size} releases, server stopped`,
          stowaway: ms(result.offline),
          anchor: `${ms(anchor.offline)} with 3`,
          ratio: median(result.offline) / median(anchor.offline),
          goal: '≤ 1 s and ≤ 1.5x',
          data: { ms: result.offline, anchorMs: anchor.offline },
        },
        {
          name: `library page: last keystroke to search results, ${size} releases`,
          stowaway: ms(result.search),
          anchor: `${ms(anchor.search)} with 3`,
          ratio: median(result.search) / median(anchor.search),
          goal: '≤ 300 ms',
          data: { ms: result.search, anchorMs: anchor.search, words: WORDS },
        },
        {
          name: `library page: JS heap after scrolling ${SCROLLED.toLocaleString('en')} releases`,
          stowaway: `${heapScrolled.toFixed(1)} MB`,
          anchor: `${heapAtStart.toFixed(1)} MB at the first card`,
          ratio: heapScrolled / heapAtStart,
          goal: '≤ 60 MB',
          data: { heapScrolledMb: heapScrolled, heapAtStartMb: heapAtStart },
        },
      ];
      return figures;
    } finally {
      await big.dispose();
      rmSync(bigMedia, { recursive: true, force: true });
    }
  },
};
