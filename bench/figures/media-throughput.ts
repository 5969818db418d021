import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../e2e/fixtures/free-port.js';
import { REPO_ROOT } from '../../e2e/fixtures/server-process.js';
import { NginxProcess, nginxInstalled } from '../../e2e/fixtures/nginx-process.js';
import { startNginx } from '../anchors/nginx.js';
import type { Benchmark, Figure } from '../harness.js';

const FILE_BYTES = 100 * 1024 * 1024;
const RANGE = 64 * 1024;
const SECONDS = 8;
const CONNECTIONS = 16;
const URL_PATH = '/media/bench/hundred-megabytes.bin';

/** Debian's wrk when installed (a C load generator, far lighter than one in Node), else autocannon. */
const useWrk = spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0;

/** Requests/s for 64 KiB ranges at random offsets of the 100 MB file, after a short warm-up. */
async function rangesPerSecond(origin: string): Promise<number> {
  return useWrk ? wrkRangesPerSecond(origin) : autocannonRangesPerSecond(origin);
}

function wrkRangesPerSecond(origin: string): number {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'stowaway-wrk-')), 'ranges.lua');
  writeFileSync(
    script,
    `request = function()
  local s = math.random(0, ${FILE_BYTES - RANGE})
  return wrk.format("GET", "${URL_PATH}", { Range = "bytes=" .. s .. "-" .. (s + ${RANGE - 1}) })
end
`,
  );
  const run = (seconds: number) => {
    const out = spawnSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '-s', script, origin], { encoding: 'utf8' }).stdout;
    const bad = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
    if (bad > 0) throw new Error(`${origin}: ${bad} non-2xx answers`);
    return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  };
  run(2);
  const result = run(SECONDS);
  rmSync(path.dirname(script), { recursive: true, force: true });
  return result;
}

async function autocannonRangesPerSecond(origin: string): Promise<number> {
  const run = (duration: number) =>
    autocannon({
      url: `${origin}${URL_PATH}`,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          setupRequest: (request) => {
            const start = Math.floor(Math.random() * (FILE_BYTES - RANGE));
            return { ...request, headers: { ...request.headers, range: `bytes=${start}-${start + RANGE - 1}` } };
          },
        },
      ],
    });
  await run(2);
  const result = await run(SECONDS);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${origin}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

function rssOf(pid: number | undefined): number {
  const rss = pid ? /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] : undefined;
  return Number(rss ?? 0) * 1024;
}

/** Figure 3: the media route under 64 KiB random ranges, against express.static and nginx. */
export const mediaThroughput: Benchmark = {
  name: 'media-throughput',
  description: '64 KiB random ranges on a 100 MB file: Stowaway vs express.static vs nginx (1 worker)',
  async run({ origin, mediaDir, serverPid }) {
    mkdirSync(path.join(mediaDir, 'bench'), { recursive: true });
    writeFileSync(path.join(mediaDir, URL_PATH.slice('/media/'.length)), randomBytes(FILE_BYTES));

    let peakRss = rssOf(serverPid());
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(serverPid()))), 200);
    const stowaway = await rangesPerSecond(origin).finally(() => clearInterval(sampler));
    const generator = useWrk ? 'wrk' : 'autocannon';

    const staticPort = await freePort();
    const anchor = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'bench/anchors/static-server.ts'), mediaDir, String(staticPort)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise((resolve) => anchor.stdout.once('data', resolve));
    const expressStatic = await rangesPerSecond(`http://127.0.0.1:${staticPort}`).finally(() => anchor.kill());

    const figures: Figure[] = [
      {
        name: `media route: 64 KiB random ranges, 100 MB file (${generator})`,
        stowaway: `${stowaway.toFixed(0)} req/s`,
        anchor: `${expressStatic.toFixed(0)} req/s express.static`,
        ratio: stowaway / expressStatic,
        goal: '≥ 1x',
        data: { stowaway, expressStatic, connections: CONNECTIONS, seconds: SECONDS, generator },
      },
      {
        name: 'media route: server memory under that load',
        stowaway: `${(peakRss / 2 ** 20).toFixed(0)} MB peak RSS`,
        anchor: '—',
        ratio: undefined,
        goal: 'bounded',
        data: { peakRss },
      },
    ];
    if (nginxInstalled()) {
      const work = mkdtempSync(path.join(tmpdir(), 'stowaway-nginx-'));
      const nginxPort = await freePort();
      const nginx = await startNginx(work, mediaDir, nginxPort);
      try {
        const viaNginx = await rangesPerSecond(`http://127.0.0.1:${nginxPort}`);
        figures.push({
          name: 'media route vs nginx (1 worker each)',
          stowaway: `${stowaway.toFixed(0)} req/s`,
          anchor: `${viaNginx.toFixed(0)} req/s nginx`,
          ratio: stowaway / viaNginx,
          goal: 'report; 0.5x',
          data: { nginx: viaNginx },
        });
      } finally {
        nginx.kill();
        rmSync(work, { recursive: true, force: true });
      }
      // The deployment: the committed deploy/nginx.conf (all cores) in front of the same server,
      // against the Node route measured above in the same run.
      const front = new NginxProcess({ mediaDir, upstreamPort: Number(new URL(origin).port) });
      await front.start();
      try {
        const viaFront = await rangesPerSecond(front.origin);
        figures.push({
          name: 'media through deploy/nginx.conf vs the Node route',
          stowaway: `${viaFront.toFixed(0)} req/s via deploy/nginx.conf`,
          anchor: `${stowaway.toFixed(0)} req/s Node route`,
          ratio: viaFront / stowaway,
          goal: '≥ 5x',
          data: { committedConfig: viaFront, node: stowaway },
        });
      } finally {
        await front.dispose();
      }
    } else {
      figures.push({
        name: 'media route vs nginx',
        stowaway: '—',
        anchor: 'nginx not installed',
        ratio: undefined,
        goal: 'report; 0.5x',
        data: {},
      });
    }
    return figures;
  },
};
