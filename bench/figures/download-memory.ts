import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchBrowser, openApp } from '../../e2e/fixtures/browser.js';
import { publishRandomRelease } from '../bench-release.js';
import type { Benchmark } from '../harness.js';

const MB = 1024 * 1024;

/** Resident memory of every Chromium process started with this profile, in bytes. */
function browserRss(userDataDir: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(userDataDir)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Peak browser memory while `work` runs, sampled every 100 ms. */
async function peakDuring(userDataDir: string, work: () => Promise<unknown>): Promise<number> {
  let peak = browserRss(userDataDir);
  const timer = setInterval(() => (peak = Math.max(peak, browserRss(userDataDir))), 100);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, browserRss(userDataDir));
}

async function seekEverywhere(page: Page, url: string, size: number): Promise<void> {
  await page.evaluate(
    async ({ url, size }) => {
      for (let i = 0; i < 40; i++) {
        const start = Math.floor((size - 65536) * (i / 39));
        await (await fetch(url, { headers: { Range: `bytes=${start}-${start + 65535}` } })).arrayBuffer();
      }
    },
    { url, size },
  );
}

/** Figure 2 (memory): the browser's peak memory while downloading and seeking 100 MB and 1 GB. */
export const downloadMemory: Benchmark = {
  name: 'download-memory',
  description: 'peak browser memory during a 100 MB and a 1 GB download (Background Fetch) and seeking in it',
  async run({ origin, mediaDir }) {
    const sizes = { '100 MB': 100 * MB, '1 GB': 1024 * MB };
    const urls: Record<string, string> = {};
    for (const [label, size] of Object.entries(sizes)) {
      urls[label] = (await publishRandomRelease(origin, mediaDir, `memory-${size}`, [size]))[0] as string;
    }
    const peaks: Record<string, number> = {};
    for (const [label, size] of Object.entries(sizes)) {
      // A fresh browser for each size, so one download's memory cannot hide in the other's.
      const browser = await launchBrowser();
      try {
        await openApp(browser.page, origin);
        peaks[label] = await peakDuring(browser.userDataDir, async () => {
          await browser.page.goto(`${origin}/releases/memory-${size}`);
          await browser.page.getByRole('button', { name: 'Download', exact: true }).click();
          await browser.page.getByText('Available offline').waitFor({ timeout: 300_000 });
          await seekEverywhere(browser.page, urls[label] as string, size);
        });
      } finally {
        await browser.close();
      }
    }
    const small = peaks['100 MB'] ?? 0;
    const large = peaks['1 GB'] ?? 0;
    return [
      {
        name: 'browser peak memory, download + seek: 1 GB vs 100 MB',
        stowaway: `${(large / MB).toFixed(0)} MB for 1 GB`,
        anchor: `${(small / MB).toFixed(0)} MB for 100 MB`,
        ratio: large / small,
        goal: 'flat (≈ 1x for 10x the bytes)',
        data: { peakBytes: peaks },
      },
    ];
  },
};
