import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Catalog, Release } from '#common/catalog';
import type { CatalogChanges } from '#common/catalog-page';
import { API } from '#common/routes';
import { E2E_ADMIN_TOKEN, REPO_ROOT, ServerProcess } from '../../e2e/fixtures/server-process.js';
import { generateCatalog, generateReleases } from '../generate-catalog.js';
import { median, type Benchmark } from '../harness.js';
import { rawGet } from '../raw-get.js';

const RELEASES = Number(process.env.BENCH_CATALOG_RELEASES ?? 100_000);
const ROUNDS = 3;
const GZIP = { 'Accept-Encoding': 'gzip' };
/** What a person types, a keystroke at a time: prefixes of titles, artists and track titles. */
const TYPED = ['harbour', 'nordlich', 'cafe', 'zoe bronte', 'lantern', 'cathedrale', 'odegaard', 'quiet storm', 'of the'];
const QUERIES = TYPED.flatMap((text) => Array.from({ length: text.length - 1 }, (_, i) => text.slice(0, i + 2)));

const p95 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? NaN;
const spread = (values: readonly number[], digits: number) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

async function timeStart(server: ServerProcess, restart: boolean): Promise<number> {
  const started = performance.now();
  if (restart) await server.restart();
  else await server.start();
  return (performance.now() - started) / 1000;
}

/** Server-side milliseconds of the last `n` logged requests whose path passes `wanted` (server/http/request-log.ts). */
function loggedMs(server: ServerProcess, wanted: (path: string) => boolean, n: number): number[] {
  const lines = server.output.split('\n').flatMap((line) => {
    let entry: { message?: string; path?: string; ms?: number } = {};
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return []; // not a log line, or the first, cut by the output's bound
    }
    return entry.message === 'request' && entry.path && wanted(entry.path) && entry.ms !== undefined ? [entry.ms] : [];
  });
  return lines.slice(-n);
}

const samples = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'media/catalog.json'), 'utf8')) as Catalog).releases;
const sample = samples[0] as Release;

async function publish(origin: string, release: Release): Promise<void> {
  const res = await fetch(`${origin}${API.releases}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(release),
  });
  if (res.status !== 201) throw new Error(`publishing a release answered ${res.status}: ${await res.text()}`);
}

/** Figure: the library at 100,000 releases, each row against an anchor measured in the same run. */
export const catalogScale: Benchmark = {
  name: 'catalog-scale',
  description: `a ${RELEASES.toLocaleString('en')}-release library: start, first page, search, change feed`,
  async run({ mediaDir }) {
    const small = new ServerProcess({ mediaDir });
    const smallFirst = await timeStart(small, false);
    const smallRestarts: number[] = [];
    for (let i = 0; i < ROUNDS; i++) smallRestarts.push(await timeStart(small, true));
    await small.dispose();

    const bigMedia = mkdtempSync(path.join(os.tmpdir(), 'stowaway-bench-library-'));
    await generateCatalog(RELEASES, bigMedia);
    const big = new ServerProcess({ mediaDir: bigMedia });
    try {
      const bigFirst = await timeStart(big, false);
      const bigRestarts: number[] = [];
      for (let i = 0; i < ROUNDS; i++) bigRestarts.push(await timeStart(big, true));
      const { origin } = big;

      const firstPage = await rawGet(origin, API.libraryReleases, GZIP);
      const whole = await rawGet(origin, API.catalog, GZIP);

      const searchP95: number[] = [];
      const byIdP95: number[] = [];
      const clientSearchP95: number[] = [];
      for (const q of QUERIES) await fetch(`${origin}${API.libraryReleases}?q=${encodeURIComponent(q)}`); // warm-up
      for (let round = 0; round < ROUNDS; round++) {
        // A release published before each round: a search's ranking is kept for its later pages
        // (server/storage/ranked-matches.ts), and the round must rank afresh, not read those.
        await publish(origin, { ...sample, id: `bench-round-${round}` });
        const client: number[] = [];
        for (const q of QUERIES) {
          const started = performance.now();
          await (await fetch(`${origin}${API.libraryReleases}?q=${encodeURIComponent(q)}`, { headers: GZIP })).arrayBuffer();
          client.push(performance.now() - started);
        }
        searchP95.push(p95(loggedMs(big, (p) => p === API.libraryReleases, QUERIES.length)));
        clientSearchP95.push(p95(client));
        for (let i = 0; i < QUERIES.length; i++) {
          await (
            await fetch(`${origin}${API.libraryRelease(`gen-${(i * 7919 + round) % RELEASES}`)}`, { headers: GZIP })
          ).arrayBuffer();
        }
        byIdP95.push(p95(loggedMs(big, (p) => p.startsWith(`${API.libraryReleases}/`), QUERIES.length)));
      }

      // Where a client's copy is after following the feed to its end (or being told to resync).
      let version = 0;
      for (let more = true; more;) {
        const answer = (await (await fetch(`${origin}${API.catalogChanges}?since=${version}`)).json()) as CatalogChanges;
        version = answer.version;
        more = answer.type === 'changes' && answer.more;
      }
      const changesUrl = `${API.catalogChanges}?since=${version}`;
      const current = await rawGet(origin, changesUrl, GZIP);
      const nothingNew = await rawGet(origin, changesUrl, { ...GZIP, 'If-None-Match': current.etag });
      for (const release of generateReleases(samples, 10, 99)) await publish(origin, { ...release, id: `bench-${release.id}` });
      const tenNew = await rawGet(origin, changesUrl, GZIP);

      const n = RELEASES.toLocaleString('en');
      return [
        {
          name: `library of ${n}: server start, import skipped (median of ${ROUNDS} restarts)`,
          stowaway: `${median(bigRestarts).toFixed(2)} s (${spread(bigRestarts, 2)})`,
          anchor: `${median(smallRestarts).toFixed(2)} s with the 3-release sample`,
          ratio: median(bigRestarts) / median(smallRestarts),
          goal: '≤ 5 s',
          data: { bigRestarts, smallRestarts },
        },
        {
          name: `library of ${n}: first start (imports catalog.json)`,
          stowaway: `${bigFirst.toFixed(1)} s`,
          anchor: `${smallFirst.toFixed(2)} s with the 3-release sample`,
          ratio: bigFirst / smallFirst,
          goal: 'once, reasonable',
          data: { bigFirst, smallFirst },
        },
        {
          name: 'first library page on the wire (gzip, headers included)',
          stowaway: `${(firstPage.bytes / 1024).toFixed(1)} KB`,
          anchor: `${(whole.bytes / 1024).toFixed(0)} KB GET /api/catalog (newest 10,000)`,
          ratio: firstPage.bytes / whole.bytes,
          goal: '≤ 100 KB',
          data: { firstPageBytes: firstPage.bytes, wholeCatalogBytes: whole.bytes },
        },
        {
          name: `search as typed, p95 on the server (${QUERIES.length} queries × ${ROUNDS})`,
          stowaway: `${median(searchP95).toFixed(2)} ms (${spread(searchP95, 2)})`,
          anchor: `${median(byIdP95).toFixed(2)} ms one release by id`,
          ratio: median(searchP95) / median(byIdP95),
          goal: '≤ 20 ms',
          data: { searchP95, byIdP95, clientSearchP95, queries: QUERIES },
        },
        {
          name: 'change feed, nothing new: bytes',
          stowaway: `${nothingNew.bytes} B (status ${nothingNew.status})`,
          anchor: `${(whole.bytes / 1024).toFixed(0)} KB GET /api/catalog`,
          ratio: nothingNew.bytes / whole.bytes,
          goal: 'a 304 under 1 KB',
          data: { bytes: nothingNew.bytes, status: nothingNew.status },
        },
        {
          name: 'change feed, ten new releases: bytes (gzip)',
          stowaway: `${(tenNew.bytes / 1024).toFixed(1)} KB (status ${tenNew.status})`,
          anchor: `${(whole.bytes / 1024).toFixed(0)} KB GET /api/catalog`,
          ratio: tenNew.bytes / whole.bytes,
          goal: '≤ 10 KB',
          data: { bytes: tenNew.bytes, status: tenNew.status },
        },
      ];
    } finally {
      await big.dispose();
      rmSync(bigMedia, { recursive: true, force: true });
    }
  },
};
