import { runLoopbackLoad } from '../../e2e/fixtures/loopback-load.js';
import { startPushSession } from '../../e2e/fixtures/push-session.js';
import type { Benchmark } from '../harness.js';

const CLIENTS = 200;
const DURATION_MS = 30_000;
const SEED_SUBSCRIBERS = 5000;

/**
 * Figure 8: 200 clients on loopback for 30 s (catalog revalidations, 64 KB media ranges, new
 * subscriptions) while a release alert fans out to every subscriber. No anchor: the figures are
 * the throughput, the tail latency, the errors (goal 0), lost subscriptions (goal 0) and memory.
 */
export const loopbackLoad: Benchmark = {
  name: 'loopback-load',
  description: `${CLIENTS} clients for ${DURATION_MS / 1000} s during a fan-out to ${SEED_SUBSCRIBERS}+ subscribers`,
  async run() {
    // One address for every client here, so the per-address write limit is off.
    const session = await startPushSession({ WRITE_RATE_LIMIT: '0' });
    try {
      const report = await runLoopbackLoad(session, {
        clients: CLIENTS,
        durationMs: DURATION_MS,
        seedSubscribers: SEED_SUBSCRIBERS,
      });
      const { rssMb } = report;
      return [
        {
          name: `load: ${CLIENTS} clients, catalog + ranges + subscribe, during a fan-out`,
          stowaway: `${report.requestsPerSecond.toFixed(0)} req/s, p99 ${report.p99Ms.toFixed(0)} ms`,
          anchor: `p50 ${report.p50Ms.toFixed(0)} ms`,
          ratio: undefined,
          goal: '0 errors, 0 lost',
          data: { ...report },
        },
        {
          name: 'load: errors / lost subscriptions / alerts sent',
          stowaway: `${report.errors.count} / ${report.lostSubscriptions} of ${report.subscriptions} / ${report.delivery.sent} of ${report.delivery.matched}`,
          anchor: '',
          ratio: undefined,
          goal: '0 / 0 / all',
          data: { errors: report.errors, delivery: report.delivery },
        },
        {
          name: 'load: server memory (RSS) before / peak / after',
          stowaway: `${rssMb.before.toFixed(0)} / ${rssMb.peak.toFixed(0)} / ${rssMb.after.toFixed(0)} MB`,
          anchor: '',
          ratio: undefined,
          goal: 'bounded',
          data: { ...rssMb },
        },
      ];
    } finally {
      await session.tearDown();
    }
  },
};
