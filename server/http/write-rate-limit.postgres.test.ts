import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../test/postgres-cluster.js';
import { subscriptionBody } from '../test/push-fixtures.js';
import { startTestServer } from '../test/test-server.js';

// Two server processes on one PostgreSQL database: one allowance per client, not one each.
type Server = Awaited<ReturnType<typeof startTestServer>>;
let servers: [Server, Server];
beforeAll(async () => {
  const env = { WRITE_RATE_LIMIT: '4', DATABASE_URL: await createDatabase(inject('postgresUrl')) };
  servers = [await startTestServer({ env }), await startTestServer({ env })];
});
afterAll(() => Promise.all(servers.map((s) => s.repository.close())));

describe('the write rate limit on PostgreSQL', () => {
  it('is shared by every process: 4 writes a minute in all, whichever process takes them', async () => {
    const subscribe = (n: number) =>
      request(servers[n % 2 === 0 ? 0 : 1].app)
        .post('/api/push/subscriptions')
        .send(subscriptionBody(`https://127.0.0.1:9/push/${n}`));
    const statuses = [];
    for (let n = 0; n < 6; n++) statuses.push((await subscribe(n)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    // Another client address has its own allowance, on either process.
    const other = await request(servers[1].app)
      .post('/api/push/subscriptions')
      .set('X-Forwarded-For', '203.0.113.9')
      .send(subscriptionBody('https://127.0.0.1:9/push/other'));
    expect(other.status).toBe(201);
    expect(await servers[0].repository.subscriptions.count()).toBe(5);
  });
});
