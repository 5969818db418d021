import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import webpush from 'web-push';
import type { Catalog } from '#common/catalog';
import { PushService } from '../../e2e/fixtures/push-service.js';
import { E2E_VAPID_SUBJECT, REPO_ROOT, ServerProcess } from '../../e2e/fixtures/server-process.js';
import { openPostgresRepository } from '../../server/storage/postgres-repository.js';
import { alertHandlers } from '../../server/delivery/alert-handlers.js';
import { silentLogger } from '../../server/logger.js';
import type { PushSender } from '../../server/push/push-sender.js';
import { postgresBinDir, startPostgresCluster, type PostgresCluster } from '../../server/test/postgres-cluster.js';
import { median, percentile, type Benchmark } from '../harness.js';

/**
 * Subscribers per run. The goal is stated for 100,000; on this 2-core machine the local
 * push service (which checks every JWT and decrypts every message) shares the cores with the
 * workers and PostgreSQL, so a run that size takes minutes: set QUEUE_FANOUT_SUBSCRIBERS to try it.
 */
const SUBSCRIBERS = Number(process.env['QUEUE_FANOUT_SUBSCRIBERS'] ?? 5_000);
const RUNS = 3;

/** Subscribers for the enqueue figure: the 100,000 (cheap: nothing is sent). */
const ENQUEUED = 100_000;

/**
 * The fan-out job alone for ENQUEUED subscribers (list them, record each as a target, queue their
 * push jobs in batches), nothing sent; anchored on the bare write it cannot beat: one
 * INSERT … SELECT of as many target rows. Three runs, each on a fresh database.
 */
async function enqueueAtScale(cluster: PostgresCluster): Promise<{ fanOut: number[]; insert: number[] }> {
  const sample = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'media/catalog.json'), 'utf8')) as Catalog).releases[0];
  if (!sample) throw new Error('no sample release');
  const fanOut: number[] = [];
  const insert: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const url = await cluster.createDatabase();
    const repository = await openPostgresRepository(url);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await pool.query(
        `INSERT INTO subscriptions (endpoint, p256dh, auth, preferences, created_at)
         SELECT 'https://push.example/s/' || g, 'p', 'a', '{}', now() FROM generate_series(1, $1::int) g`,
        [ENQUEUED],
      );
      let started = performance.now();
      await pool.query(`INSERT INTO delivery_targets (delivery_id, endpoint) SELECT 'anchor', endpoint FROM subscriptions`);
      insert.push(performance.now() - started);
      const { deliveryId } = await repository.catalog.publish({ ...sample, id: `enqueue-${run}` });
      const nothingSent = { payloadFor: () => '', sendOnce: async () => 'sent', giveUp: async () => 'failed' } as const;
      started = performance.now();
      await alertHandlers(repository, nothingSent as unknown as PushSender, silentLogger).fanOut({
        deliveryId,
        releaseId: `enqueue-${run}`,
      });
      fanOut.push(performance.now() - started);
      const status = await repository.deliveries.ofRelease(`enqueue-${run}`);
      if (status?.matched !== ENQUEUED) throw new Error(`queued ${status?.matched} of ${ENQUEUED}`);
    } finally {
      await pool.end();
      await repository.close();
    }
  }
  return { fanOut, insert };
}

/** The machine's CPU time so far, busy and in all, from /proc/stat (Linux): what share of the cores a run kept busy. */
function cpuTimes(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** GETs the app's first library page every 20 ms until `until` says stop; the latencies in ms. */
async function probeApi(origin: string, until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!until()) {
    const started = performance.now();
    const response = await fetch(`${origin}/api/library/releases?sort=added&limit=60`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the API answered ${response.status} during the fan-out`);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

/** `npm run worker` processes on one database, with the VAPID keys the push service checks; their logs go to `logDir`. */
function startWorkers(count: number, env: Record<string, string>, logDir: string): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, n) => {
      const log = path.join(logDir, `worker-${n}.log`);
      const out = openSync(log, 'w');
      const child = spawn(process.execPath, ['build/server/worker.js'], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', out, out],
      });
      closeSync(out);
      while (!readFileSync(log, 'utf8').includes('working the alert queue')) {
        if (child.exitCode !== null) throw new Error(`a worker exited: ${readFileSync(log, 'utf8')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return child;
    }),
  );
}

/**
 * Figure: the durable fan-out on PostgreSQL (pg-boss): one release to SUBSCRIBERS subscriptions on
 * the local push service, worked by two `npm run worker` processes against one, and the time to
 * queue every subscriber's job (publish to "fanned out"). Median of 3 runs each, with the spread.
 */
export const queueFanout: Benchmark = {
  name: 'queue-fanout',
  description: `durable fan-out on PostgreSQL to ${SUBSCRIBERS.toLocaleString('en')} subscriptions: two workers vs one`,
  async run() {
    if (!postgresBinDir()) {
      return [
        {
          name: 'queue fan-out (PostgreSQL)',
          stowaway: '—',
          anchor: 'PostgreSQL not installed',
          ratio: undefined,
          goal: '≥ 1.7x',
          data: {},
        },
      ];
    }
    const cluster = await startPostgresCluster();
    const push = new PushService();
    await push.start();
    try {
      const vapid = webpush.generateVAPIDKeys();
      push.serverPublicKey = vapid.publicKey;
      const dataDir = mkdtempSync(path.join(tmpdir(), 'stowaway-bench-queue-'));
      writeFileSync(path.join(dataDir, 'vapid.json'), JSON.stringify(vapid), { mode: 0o600 });
      const sample = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'media/catalog.json'), 'utf8')) as Catalog).releases[0];
      if (!sample) throw new Error('no sample release');
      const subscriptions = Array.from({ length: SUBSCRIBERS }, () => push.createSubscription());

      const runOnce = async (workers: number, run: number) => {
        const url = await cluster.createDatabase();
        const repository = await openPostgresRepository(url);
        for (const s of subscriptions) {
          await repository.subscriptions.upsert({
            endpoint: s.endpoint,
            p256dh: s.keys.p256dh,
            auth: s.keys.auth,
            preferences: {},
          });
        }
        const env = {
          DATABASE_URL: url,
          DATA_DIR: dataDir,
          VAPID_SUBJECT: E2E_VAPID_SUBJECT,
          PUSH_ALLOW_LOOPBACK: '1',
          NODE_EXTRA_CA_CERTS: push.certFile,
          ADMIN_TOKEN: 'bench-admin-token-0123456789',
        };
        const children = await startWorkers(workers, env, dataDir);
        // The process the app talks to: on the same database, sending nothing itself (WORK_ALERTS=0).
        const api = new ServerProcess({ env: { ...env, WORK_ALERTS: '0' } });
        const releaseId = `fanout-${workers}-${run}`;
        try {
          await api.start();
          if (!api.output.includes('WORK_ALERTS=0')) throw new Error('the API server works the queue');
          const idleUntil = performance.now() + 2000;
          const idle = await probeApi(api.origin, () => performance.now() > idleUntil);
          const cpuBefore = cpuTimes();
          const started = performance.now();
          await repository.catalog.publish({ ...sample, id: releaseId });
          let done = false;
          const probing = probeApi(api.origin, () => done);
          let queuedMs = 0;
          for (;;) {
            const status = await repository.deliveries.ofRelease(releaseId);
            if (!queuedMs && status && status.state !== 'queued') queuedMs = performance.now() - started;
            if (status?.state === 'done') {
              const ms = performance.now() - started;
              const cpuAfter = cpuTimes();
              done = true;
              const during = await probing;
              if (status.sent !== SUBSCRIBERS)
                throw new Error(`only ${status.sent} of ${SUBSCRIBERS} sent: ${JSON.stringify(status)}`);
              return {
                perSecond: (SUBSCRIBERS * 1000) / ms,
                queuedMs,
                cpuBusy: (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total),
                apiP99: percentile(during, 99),
                idleP99: percentile(idle, 99),
              };
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        } finally {
          await api.dispose();
          for (const child of children) child.kill('SIGTERM');
          await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
          await repository.close();
        }
      };

      type Run = Awaited<ReturnType<typeof runOnce>>;
      const one: Run[] = [];
      const two: Run[] = [];
      for (let run = 0; run < RUNS; run++) {
        one.push(await runOnce(1, run));
        two.push(await runOnce(2, run));
      }
      const enqueue = await enqueueAtScale(cluster);
      const rate = (runs: Run[]) => runs.map((r) => r.perSecond);
      const busy = (runs: Run[]) => `machine CPU ${(median(runs.map((r) => r.cpuBusy)) * 100).toFixed(0)}% busy`;
      const spread = (values: number[], digits = 0) =>
        `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
      const p99 = (runs: Run[], key: 'apiP99' | 'idleP99') => runs.map((r) => r[key]);
      return [
        {
          name: `queue fan-out on PostgreSQL, ${SUBSCRIBERS.toLocaleString('en')} subscriptions: 2 workers vs 1 (on ${availableParallelism()} cores)`,
          stowaway: `${median(rate(two)).toFixed(0)}/s 2 workers (${spread(rate(two))}), ${busy(two)}`,
          anchor: `${median(rate(one)).toFixed(0)}/s 1 worker (${spread(rate(one))}), ${busy(one)}`,
          ratio: median(rate(two)) / median(rate(one)),
          goal: '≥ 1.7x',
          data: { one, two, subscribers: SUBSCRIBERS },
        },
        {
          name: 'API p99 during the 2-worker fan-out (GET /api/library/releases on a server with WORK_ALERTS=0)',
          stowaway: `${median(p99(two, 'apiP99')).toFixed(1)} ms (${spread(p99(two, 'apiP99'), 1)})`,
          anchor: `${median(p99(two, 'idleP99')).toFixed(1)} ms before the publish (${spread(p99(two, 'idleP99'), 1)})`,
          ratio: median(p99(two, 'apiP99')) / median(p99(two, 'idleP99')),
          goal: '≤ 100 ms',
          data: { during: p99(two, 'apiP99'), idle: p99(two, 'idleP99'), oneWorker: p99(one, 'apiP99') },
        },
        {
          name: `queueing ${ENQUEUED.toLocaleString('en')} subscribers' alert jobs (the fan-out job) vs inserting their rows alone`,
          stowaway: `${median(enqueue.fanOut).toFixed(0)} ms (${spread(enqueue.fanOut)})`,
          anchor: `${median(enqueue.insert).toFixed(0)} ms one INSERT … SELECT (${spread(enqueue.insert)})`,
          ratio: median(enqueue.fanOut) / median(enqueue.insert),
          goal: '≤ 2 s',
          data: enqueue,
        },
      ];
    } finally {
      await push.stop();
      await cluster.stop();
    }
  },
};
