import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceAction, newDevice } from '../test/device-fixtures.js';
import { subscriptionBody } from '../test/push-fixtures.js';
import { startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { WRITE_RATE_LIMIT: '4' } });
});
afterAll(() => server.repository.close());

const device = newDevice();
const action = () => deviceAction(device.id);

describe('the write rate limit (WRITE_RATE_LIMIT per client address and minute)', () => {
  it('counts subscriptions and actions together, then answers 429 with a JSON error and stores nothing', async () => {
    const endpoint = (n: number) => `https://127.0.0.1:9/push/${n}`;
    for (let n = 0; n < 2; n++) {
      expect(
        (
          await request(server.app)
            .post('/api/push/subscriptions')
            .send(subscriptionBody(endpoint(n)))
        ).status,
      ).toBe(201);
      expect((await request(server.app).post('/api/actions').set(device.headers).send(action())).status).toBe(201);
    }
    const refused = await request(server.app)
      .post('/api/push/subscriptions')
      .send(subscriptionBody(endpoint(9)));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.headers.ratelimit).toMatch(/r=0/);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect((await server.repository.subscriptions.list()).some((s) => s.endpoint === endpoint(9))).toBe(false);

    expect((await request(server.app).post('/api/actions').set(device.headers).send(action())).status).toBe(429);
    const library = await request(server.app).get(`/api/devices/${device.id}/library`).set(device.headers);
    expect(library.body.recentlyPlayed).toHaveLength(2);
  });

  it('leaves reading alone: the catalog, media and the library still answer', async () => {
    expect((await request(server.app).get('/api/catalog')).status).toBe(200);
    expect((await request(server.app).get('/api/health')).status).toBe(200);
  });

  it('keys on the client address: another client behind the loopback proxy has its own budget', async () => {
    const res = await request(server.app)
      .post('/api/actions')
      .set('X-Forwarded-For', '203.0.113.7')
      .set(device.headers)
      .send(action());
    expect(res.status).toBe(201);
  });
});
