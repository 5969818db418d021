/**
 * `npm run lighthouse [-- /path]`: Lighthouse (its default, mobile preset) on the freshly built app,
 * served by the real server on a free port, three runs, each in a fresh Chromium profile. Prints
 * each category's median score with the spread, the main metrics, and every audit that failed in
 * any run; the whole reports go to e2e-output/lighthouse/ (not committed). A report to read, not a
 * test: scores move with the machine's load, so nothing asserts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from './fixtures/chromium-path.js';
import { REPO_ROOT, ServerProcess } from './fixtures/server-process.js';

const RUNS = 3;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const spread = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;

async function audit(url: string): Promise<Result> {
  const chromePath = chromiumPath();
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const run = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!run) throw new Error('Lighthouse returned no result');
    if (run.lhr.runtimeError) throw new Error(`Lighthouse: ${run.lhr.runtimeError.message}`);
    return run.lhr;
  } finally {
    chrome.kill();
  }
}

/** An audit that counts against a score and did not pass (informative and manual ones are left out). */
function failed(result: Result): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, a] of Object.entries(result.audits)) {
    const scored = a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'metricSavings';
    if (scored && a.score !== null && a.score < 0.9) out.set(id, `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  }
  return out;
}

const server = new ServerProcess();
await server.start();
const url = `${server.origin}${process.argv[2] ?? '/'}`;
const results: Result[] = [];
const reports = path.join(REPO_ROOT, 'e2e-output', 'lighthouse');
mkdirSync(reports, { recursive: true });
try {
  for (let i = 1; i <= RUNS; i++) {
    process.stdout.write(`run ${i} of ${RUNS}: ${url}\n`);
    // Lighthouse sometimes loses the trace on a loaded machine (NO_NAVSTART): such a run is tried again, twice at most.
    let result: Result | undefined;
    for (let attempt = 1; !result; attempt++) {
      result = await audit(url).catch((error: unknown) => {
        if (attempt === 3) throw error;
        process.stdout.write(`  again, after: ${String(error)}\n`);
        return undefined;
      });
    }
    writeFileSync(path.join(reports, `run-${i}.json`), JSON.stringify(result));
    results.push(result);
  }
} finally {
  await server.dispose();
}

process.stdout.write(
  `\nLighthouse ${results[0]?.lighthouseVersion}, ${results[0]?.configSettings.formFactor}, median of ${RUNS} (spread)\n`,
);
for (const id of CATEGORIES) {
  const scores = results.map((r) => Math.round((r.categories[id]?.score ?? 0) * 100));
  process.stdout.write(`  ${id.padEnd(15)} ${median(scores)}  (${spread(scores)})\n`);
}
for (const id of METRICS) {
  const values = results.map((r) => r.audits[id]?.numericValue ?? NaN);
  const unit = results[0]?.audits[id]?.numericUnit === 'millisecond' ? ' ms' : '';
  const show = (v: number) => (unit ? Math.round(v) : Math.round(v * 1000) / 1000);
  process.stdout.write(`  ${id.padEnd(26)} ${show(median(values))}${unit}  (${spread(values.map(show))})\n`);
}
const failures = new Map<string, { title: string; runs: number }>();
for (const result of results) {
  for (const [id, title] of failed(result)) failures.set(id, { title, runs: (failures.get(id)?.runs ?? 0) + 1 });
}
process.stdout.write(failures.size ? '\nFailed audits (in how many runs; the value of the last):\n' : '\nNo failed audits.\n');
for (const [id, { title, runs }] of failures) process.stdout.write(`  ${id}: ${title} (${runs}/${RUNS})\n`);
