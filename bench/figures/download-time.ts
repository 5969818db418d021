import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchBrowser, openControlledApp } from '../../e2e/fixtures/browser.js';
import { E2E_ADMIN_TOKEN } from '../../e2e/fixtures/server-process.js';
import type { Benchmark } from '../harness.js';
import { median } from '../harness.js';

const PARTS = 4;
const PART_BYTES = 100 * 1024 * 1024;
const RUNS = 2;
const RELEASE_ID = 'bench-download';

/** Writes 4 × 100 MB of random data under MEDIA_DIR and publishes them as a release. */
async function publishBenchRelease(origin: string, mediaDir: string): Promise<string[]> {
  const folder = path.join(mediaDir, 'bench', 'download');
  mkdirSync(folder, { recursive: true });
  const parts = [];
  for (let i = 1; i <= PARTS; i++) {
    const bytes = randomBytes(PART_BYTES);
    writeFileSync(path.join(folder, `part-${i}.webm`), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    parts.push({
      url: `/media/bench/download/part-${i}.webm`,
      type: 'audio/webm',
      bytes: PART_BYTES,
      sha256,
      role: 'track',
      title: `Part ${i}`,
      duration: 60,
    });
  }
  const cover = path.join(mediaDir, 'albums/harbour-lights/cover.jpg');
  copyFileSync(cover, path.join(folder, 'cover.jpg'));
  const coverBytes = (await import('node:fs')).readFileSync(cover);
  parts.push({
    url: '/media/bench/download/cover.jpg',
    type: 'image/jpeg',
    bytes: coverBytes.length,
    sha256: createHash('sha256').update(coverBytes).digest('hex'),
    role: 'artwork',
  });
  const release = {
    id: RELEASE_ID,
    kind: 'album',
    title: 'Bench Download',
    artist: 'Bench',
    releaseDate: '2026-11-23',
    artwork: '/media/bench/download/cover.jpg',
    parts,
  };
  const res = await fetch(`${origin}/api/releases`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(release),
  });
  if (res.status !== 201) throw new Error(`publishing the bench release failed: ${res.status} ${await res.text()}`);
  return parts.map((p) => p.url);
}

/** Press Download and wait for "Available offline"; then remove it again. Returns milliseconds. */
async function stowawayDownload(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/releases/${RELEASE_ID}`);
  const start = performance.now();
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await page.getByText('Available offline').waitFor({ timeout: 180_000 });
  const ms = performance.now() - start;
  await page.getByRole('button', { name: 'Remove download' }).click();
  await page.getByText('Not downloaded').waitFor();
  return ms;
}

/** A bare Background Fetch of the same URLs with no app code: until the browser reports success. */
function bareBackgroundFetch(page: Page, urls: string[], run: number): Promise<number> {
  return page.evaluate(
    async ({ urls, total, id }) => {
      const registration = await navigator.serviceWorker.ready;
      const start = performance.now();
      const fetch = await (registration.backgroundFetch as BackgroundFetchManager).fetch(id, urls, { downloadTotal: total });
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (fetch.result === 'success') resolve();
          else if (fetch.result === 'failure') reject(new Error(fetch.failureReason));
        };
        fetch.addEventListener('progress', check);
        check();
      });
      return performance.now() - start;
    },
    { urls, total: PARTS * PART_BYTES + 1_000_000, id: `bare-${run}` },
  );
}

/** Figure 2: download to available offline (~400 MB), against a bare Background Fetch. */
export const downloadTime: Benchmark = {
  name: 'download-time',
  description: '~400 MB release to available offline: Background Fetch path, fallback, bare Background Fetch',
  async run({ origin, mediaDir }) {
    const urls = await publishBenchRelease(origin, mediaDir);
    const chromium = await launchBrowser();
    const fallback = await launchBrowser({ withoutBackgroundFetch: true });
    const times = { stowaway: [] as number[], fallback: [] as number[], bare: [] as number[] };
    try {
      await openControlledApp(chromium.page, origin);
      await openControlledApp(fallback.page, origin);
      for (let run = 0; run < RUNS; run++) {
        times.bare.push(await bareBackgroundFetch(chromium.page, urls, run));
        times.stowaway.push(await stowawayDownload(chromium.page, origin));
        times.fallback.push(await stowawayDownload(fallback.page, origin));
      }
    } finally {
      await chromium.close();
      await fallback.close();
    }
    const mb = (PARTS * PART_BYTES) / 1e6;
    const rate = (ms: number) => `${((mb * 1000) / ms).toFixed(0)} MB/s`;
    return [
      {
        name: 'download ~400 MB: Background Fetch path vs bare Background Fetch',
        stowaway: `${(median(times.stowaway) / 1000).toFixed(2)} s`,
        anchor: `${(median(times.bare) / 1000).toFixed(2)} s bare`,
        ratio: median(times.stowaway) / median(times.bare),
        goal: '≤ 1.25x',
        data: times,
      },
      {
        name: 'download ~400 MB: fallback downloader speed vs bare Background Fetch',
        stowaway: rate(median(times.fallback)),
        anchor: `${rate(median(times.bare))} bare`,
        ratio: median(times.bare) / median(times.fallback),
        goal: '≥ 0.8x',
        data: {},
      },
    ];
  },
};
