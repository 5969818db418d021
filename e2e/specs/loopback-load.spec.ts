import { expect, test } from '@playwright/test';
import { runLoopbackLoad } from '../fixtures/loopback-load.js';
import { startPushSession } from '../fixtures/push-session.js';

// What must hold under load: no request fails, no acknowledged subscription is lost, and the
// fan-out reaches every subscriber while readers and subscribers keep coming. The figures (req/s,
// p99, memory) are printed, not judged: `npm run bench -- loopback-load` runs the larger version.
test('many clients on loopback during a release fan-out: no errors, no lost subscriptions', async () => {
  test.setTimeout(90_000);
  // One address for every client here, so the per-address write limit is off for this test.
  const session = await startPushSession({ WRITE_RATE_LIMIT: '0' });
  try {
    const report = await runLoopbackLoad(session, { clients: 40, durationMs: 6000, seedSubscribers: 300 });
    console.log(JSON.stringify(report));
    expect(report.errors).toEqual({ count: 0, first: [] });
    expect(report.lostSubscriptions).toBe(0);
    expect(report.byKind.subscribe).toBeGreaterThan(0);
    expect(report.delivery.failed).toBe(0);
    expect(report.delivery.sent).toBe(report.delivery.matched);
    expect(report.delivery.matched).toBeGreaterThanOrEqual(300);
    expect(session.push.rejected).toEqual([]);
  } finally {
    await session.tearDown();
  }
});
