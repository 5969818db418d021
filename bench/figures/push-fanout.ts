import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import webpush from 'web-push';
import { startPushSession } from '../../e2e/fixtures/push-session.js';
import { newAlbumFrom, publishAndFollow } from '../../e2e/fixtures/sample-release.js';
import { percentile, type Benchmark } from '../harness.js';

const SUBSCRIBERS = 10_000;

/**
 * Figure 4: a release alert to 10,000 subscriptions on the local push service (which checks every
 * JWT and decrypts every message), against the plain sequential webpush.sendNotification loop to
 * the same subscriptions, with the API's p99 latency measured while the fan-out runs.
 */
export const pushFanout: Benchmark = {
  name: 'push-fanout',
  description: 'release alert to 10,000 subscriptions vs the plain sequential web-push loop',
  async run() {
    const { push, server, mediaDir, tearDown } = await startPushSession({ WRITE_RATE_LIMIT: '0' });
    try {
      const subscriptions = Array.from({ length: SUBSCRIBERS }, () => push.createSubscription());
      for (let i = 0; i < subscriptions.length; i += 50) {
        await Promise.all(subscriptions.slice(i, i + 50).map((s) => push.subscribeAt(server.origin, s)));
      }

      // Stowaway: POST /api/releases queues the alert; followed until every job is done, probing the API meanwhile.
      const latencies: number[] = [];
      let fanningOut = true;
      const probe = (async () => {
        while (fanningOut) {
          const t0 = performance.now();
          await (await fetch(`${server.origin}/api/catalog`)).arrayBuffer();
          latencies.push(performance.now() - t0);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const release = newAlbumFrom(mediaDir, 'harbour-lights', 'fanout-release', 'Fan-out');
      const t0 = performance.now();
      const delivery = await publishAndFollow(server.origin, release, 600_000);
      const stowawayMs = performance.now() - t0;
      fanningOut = false;
      await probe;
      if (delivery.sent !== SUBSCRIBERS) throw new Error(`only ${delivery.sent} of ${SUBSCRIBERS} alerts were sent`);

      // The anchor: the loop in web-push's README, one message after the other, same keys and payload.
      const vapid = JSON.parse(readFileSync(path.join(server.dataDir, 'vapid.json'), 'utf8')) as {
        publicKey: string;
        privateKey: string;
      };
      const agent = new https.Agent({ ca: readFileSync(push.certFile) });
      const payload = push.received[0]?.plaintext ?? '{}';
      const t1 = performance.now();
      for (const s of subscriptions) {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: s.keys }, payload, {
          vapidDetails: { subject: 'mailto:bench@stowaway.invalid', ...vapid },
          agent,
        });
      }
      const plainMs = performance.now() - t1;
      const rate = (ms: number) => `${((SUBSCRIBERS * 1000) / ms).toFixed(0)} notifications/s`;
      return [
        {
          name: 'push fan-out to 10,000 subscriptions',
          stowaway: rate(stowawayMs),
          anchor: `${rate(plainMs)} plain loop`,
          ratio: plainMs / stowawayMs,
          goal: '≥ 3x',
          data: { stowawayMs, plainMs, rejected: push.rejected.length },
        },
        {
          name: 'API latency during the fan-out (GET /api/catalog)',
          stowaway: `p99 ${percentile(latencies, 99).toFixed(1)} ms`,
          anchor: `p50 ${percentile(latencies, 50).toFixed(1)} ms`,
          ratio: undefined,
          goal: 'stays responsive',
          data: { samples: latencies.length },
        },
      ];
    } finally {
      await tearDown();
    }
  },
};
