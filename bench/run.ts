import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, ServerProcess } from '../e2e/fixtures/server-process.js';
import { appStart } from './figures/app-start.js';
import { downloadMemory } from './figures/download-memory.js';
import { downloadTime } from './figures/download-time.js';
import { offlineSeek } from './figures/offline-seek.js';
import { mediaThroughput } from './figures/media-throughput.js';
import { pushFanout } from './figures/push-fanout.js';
import { queueFanout } from './figures/queue-fanout.js';
import { catalogRefresh } from './figures/catalog-refresh.js';
import { catalogScale } from './figures/catalog-scale.js';
import { libraryPage } from './figures/library-page.js';
import { loopbackLoad } from './figures/loopback-load.js';
import type { Benchmark, Figure } from './harness.js';
import { printTable } from './print-table.js';

/**
 * `npm run bench [-- NAME ...] [-- --json FILE]`: starts the real server on a free port with a
 * temporary DATA_DIR, runs each benchmark (or the named ones) and prints one table.
 */
const BENCHMARKS: readonly Benchmark[] = [
  offlineSeek,
  downloadTime,
  downloadMemory,
  mediaThroughput,
  pushFanout,
  queueFanout,
  appStart,
  catalogRefresh,
  catalogScale,
  libraryPage,
  loopbackLoad,
];

async function main(argv: string[]): Promise<void> {
  const jsonIndex = argv.indexOf('--json');
  const jsonFile = jsonIndex >= 0 ? argv[jsonIndex + 1] : undefined;
  const names = argv.filter((arg, i) => !arg.startsWith('--') && (jsonIndex < 0 || i !== jsonIndex + 1));
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  }
  const chosen = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;

  // Generated large media go to a temporary copy of MEDIA_DIR, removed at the end.
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'stowaway-bench-media-'));
  cpSync(path.join(REPO_ROOT, 'media'), mediaDir, { recursive: true });
  const server = new ServerProcess({ mediaDir });
  await server.start();
  const figures: Figure[] = [];
  try {
    for (const benchmark of chosen) {
      process.stderr.write(`running ${benchmark.name}: ${benchmark.description}\n`);
      figures.push(...(await benchmark.run({ origin: server.origin, server, mediaDir, serverPid: () => server.pid })));
    }
  } finally {
    await server.dispose();
    rmSync(mediaDir, { recursive: true, force: true });
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  process.stdout.write(`${printTable(figures)}\nmachine: ${machine}\n`);
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ machine, date: new Date().toISOString(), figures }, null, 2));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? (error as Error).message}\n`);
  process.exit(1);
});
