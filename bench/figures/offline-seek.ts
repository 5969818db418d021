import { launchBrowser, openApp } from '../../e2e/fixtures/browser.js';
import { publishRandomRelease } from '../bench-release.js';
import type { Benchmark } from '../harness.js';
import { median } from '../harness.js';
import type { Page } from '@playwright/test';

const FILE_BYTES = 1024 ** 3;
const RANGE = 64 * 1024;
const RELEASE_ID = 'bench-seek';

/**
 * Figure 1: a 64 KiB range served by the SW from a 1 GB download (stored as blocks, so one block
 * is read whatever the position), at its start and its end, against the same range from the
 * server over loopback.
 */
export const offlineSeek: Benchmark = {
  name: 'offline-seek',
  description: '64 KiB ranges from a 1 GB download served by the SW, start vs end, and vs the server',
  async run({ origin, mediaDir }) {
    const [URL_PATH] = (await publishRandomRelease(origin, mediaDir, RELEASE_ID, [FILE_BYTES])) as [string];
    const browser = await launchBrowser();
    const { page } = browser;
    try {
      await openApp(page, origin);
      await page.goto(`${origin}/releases/${RELEASE_ID}`);
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      await page.getByText('Available offline').waitFor({ timeout: 300_000 });

      const rangeTimes = (from: Page, start: number) =>
        from.evaluate(
          async ({ url, start, size }) => {
            const times: number[] = [];
            for (let i = 0; i < 25; i++) {
              const t0 = performance.now();
              const res = await fetch(url, { headers: { Range: `bytes=${start}-${start + size - 1}` } });
              const body = await res.arrayBuffer();
              if (res.status !== 206 || body.byteLength !== size) throw new Error(`bad answer ${res.status}`);
              if (i >= 5) times.push(performance.now() - t0);
            }
            return times;
          },
          { url: URL_PATH, start, size: RANGE },
        );
      const atStart = await rangeTimes(page, 0);
      const atEnd = await rangeTimes(page, FILE_BYTES - RANGE);
      // The anchor: the same fetch from a page no SW controls (a fresh profile that never loaded the app).
      const plain = await launchBrowser();
      let fromServer: number[];
      try {
        await plain.page.goto(`${origin}/api/health`);
        fromServer = await rangeTimes(plain.page, FILE_BYTES - RANGE);
      } finally {
        await plain.close();
      }
      return [
        {
          name: 'offline seek: SW range from a 1 GB download, end vs start',
          stowaway: `${median(atEnd).toFixed(2)} ms at the end`,
          anchor: `${median(atStart).toFixed(2)} ms at the start`,
          ratio: median(atEnd) / median(atStart),
          goal: '≤ 1.2',
          data: { startMs: atStart, endMs: atEnd },
        },
        {
          name: 'offline seek: SW from cache vs server over loopback',
          stowaway: `${median(atEnd).toFixed(2)} ms from the SW`,
          anchor: `${median(fromServer).toFixed(2)} ms from the server`,
          ratio: median(atEnd) / median(fromServer),
          goal: '≤ 1.5x',
          data: { serverMs: fromServer },
        },
      ];
    } finally {
      await browser.close();
    }
  },
};
