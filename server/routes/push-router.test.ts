import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../http/error-handler.js';
import { silentLogger } from '../logger.js';
import type { ResolveHost } from '../push/endpoint-address.js';
import { subscriptionBody } from '../test/push-fixtures.js';
import { pushRouter } from './push-router.js';
import { startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.repository.close());

const FCM = 'https://fcm.googleapis.com/fcm/send/abc123';

describe('/api/push', () => {
  it('GET /key gives the VAPID public key (65-byte P-256 point, base64url)', async () => {
    const res = await request(server.app).get('/api/push/key');
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.publicKey as string, 'base64url')).toHaveLength(65);
    expect(res.body.publicKey).toBe(server.secrets.vapid.publicKey);
  });

  it('stores a subscription (201), updates it with its auth secret (201) and deletes it with it (204)', async () => {
    const body = subscriptionBody(FCM, { kinds: ['album'] });
    expect((await request(server.app).post('/api/push/subscriptions').send(body)).status).toBe(201);
    const update = { ...body, preferences: { kinds: ['movie'] } };
    expect((await request(server.app).post('/api/push/subscriptions').send(update)).status).toBe(201);
    expect((await server.repository.subscriptions.get(FCM))?.preferences).toEqual({ kinds: ['movie'] });
    const del = await request(server.app).delete('/api/push/subscriptions').send({ endpoint: FCM, auth: body.keys.auth });
    expect(del.status).toBe(204);
    expect(await server.repository.subscriptions.get(FCM)).toBeUndefined();
  });

  it('stores and answers for the normalised endpoint: the form web-push will send to', async () => {
    const body = subscriptionBody('https://FCM.googleapis.com:443/fcm/send/Normal');
    expect((await request(server.app).post('/api/push/subscriptions').send(body)).status).toBe(201);
    expect((await server.repository.subscriptions.get('https://fcm.googleapis.com/fcm/send/Normal'))?.auth).toBe(body.keys.auth);
    await request(server.app)
      .delete('/api/push/subscriptions')
      .send({ endpoint: body.endpoint, auth: body.keys.auth })
      .expect(204);
    expect(await server.repository.subscriptions.get('https://fcm.googleapis.com/fcm/send/Normal')).toBeUndefined();
  });

  it.each([
    ['plain http', 'http://fcm.googleapis.com/fcm/send/x'],
    ['an unknown host', 'https://evil.example/push'],
    ['a look-alike host', 'https://fcm.googleapis.com.evil.example/x'],
    ['an odd port', 'https://fcm.googleapis.com:8443/x'],
    ['credentials in the URL', 'https://user:pw@fcm.googleapis.com/x'],
    ['a private address', 'https://10.0.0.1/x'],
    ['the metadata address', 'https://169.254.169.254/latest'],
    ['a host split by ; (legacy url.parse reads 127.0.0.1)', 'https://127.0.0.1;x.push.apple.com/p'],
    ['a host split by ; to any host on 443', 'https://attacker.example;x.push.apple.com/p'],
    ['a host split by {', 'https://127.0.0.1{x.push.apple.com/p'],
  ])('refuses an endpoint with %s (400, nothing stored)', async (_name, endpoint) => {
    const before = await server.repository.subscriptions.count();
    const res = await request(server.app).post('/api/push/subscriptions').send(subscriptionBody(endpoint));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/forbidden_endpoint|invalid_body/);
    expect(await server.repository.subscriptions.count()).toBe(before);
  });

  it.each([
    ['missing keys', { endpoint: FCM }],
    ['a wrong type', { ...subscriptionBody(FCM), keys: { p256dh: 5, auth: 'x' } }],
    ['an unknown field', { ...subscriptionBody(FCM), admin: true }],
    ['an array', [subscriptionBody(FCM)]],
  ])('refuses a body with %s with a JSON 400', async (_name, body) => {
    const res = await request(server.app)
      .post('/api/push/subscriptions')
      .send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(res.body.error.message).toBeTruthy();
  });

  it('refuses malformed JSON (400), a huge body (413) and another content type (415)', async () => {
    const bad = await request(server.app)
      .post('/api/push/subscriptions')
      .set('Content-Type', 'application/json')
      .send('{"endpoint":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const huge = await request(server.app)
      .post('/api/push/subscriptions')
      .send({ ...subscriptionBody(FCM), padding: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    const form = await request(server.app).post('/api/push/subscriptions').type('form').send('endpoint=x');
    expect(form.status).toBe(415);
  });

  it('refuses a wrong method with 405', async () => {
    expect((await request(server.app).get('/api/push/subscriptions')).status).toBe(405);
  });
});

describe('POST /api/push/subscriptions and DNS', () => {
  const appResolving = (resolveHost: ResolveHost) =>
    express()
      .use(
        '/api/push',
        pushRouter({ publicKey: 'k', subscriptions: server.repository.subscriptions, allowLoopback: false, resolveHost }),
      )
      .use(errorHandler(silentLogger));

  it('refuses a known push host that resolves to a private address (400, nothing stored)', async () => {
    const endpoint = 'https://fcm.googleapis.com/fcm/send/rebound';
    const app = appResolving(async () => [{ address: '169.254.169.254', family: 4 }]);
    const res = await request(app).post('/api/push/subscriptions').send(subscriptionBody(endpoint));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'forbidden_endpoint',
      message: 'endpoint refused: fcm.googleapis.com resolves to a non-public address',
    });
    expect((await server.repository.subscriptions.list()).some((s) => s.endpoint === endpoint)).toBe(false);
  });

  it('keeps the subscriber when DNS does not answer (the sender checks again at connect time)', async () => {
    const endpoint = 'https://fcm.googleapis.com/fcm/send/no-dns';
    const app = appResolving(async () => {
      throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
    });
    expect((await request(app).post('/api/push/subscriptions').send(subscriptionBody(endpoint))).status).toBe(201);
    await server.repository.subscriptions.remove(endpoint);
  });
});

describe('changing a subscription needs its auth secret', () => {
  const ENDPOINT = 'https://updates.push.services.mozilla.com/wpush/v2/owned';
  const owner = subscriptionBody(ENDPOINT, { kinds: ['album'] });
  const attacker = subscriptionBody(ENDPOINT, { kinds: ['movie'] });
  const stored = () => server.repository.subscriptions.get(ENDPOINT);

  beforeAll(async () => {
    await request(server.app).post('/api/push/subscriptions').send(owner).expect(201);
  });

  it('a re-POST with other keys changes nothing, and answers exactly as for a new endpoint', async () => {
    const known = await request(server.app).post('/api/push/subscriptions').send(attacker);
    const fresh = await request(server.app)
      .post('/api/push/subscriptions')
      .send(subscriptionBody(`${ENDPOINT}-never-seen`));
    expect([known.status, known.body]).toEqual([fresh.status, fresh.body]);
    expect(await stored()).toMatchObject({ p256dh: owner.keys.p256dh, auth: owner.keys.auth, preferences: { kinds: ['album'] } });
  });

  it('a DELETE without the auth secret, or with another, deletes nothing (and answers as any DELETE)', async () => {
    const without = await request(server.app).delete('/api/push/subscriptions').send({ endpoint: ENDPOINT });
    expect(without.status).toBe(400);
    const wrong = await request(server.app)
      .delete('/api/push/subscriptions')
      .send({ endpoint: ENDPOINT, auth: attacker.keys.auth });
    const unknown = await request(server.app)
      .delete('/api/push/subscriptions')
      .send({ endpoint: `${ENDPOINT}-unknown`, auth: attacker.keys.auth });
    expect([wrong.status, wrong.text]).toEqual([unknown.status, unknown.text]);
    expect((await stored())?.auth).toBe(owner.keys.auth);
    await request(server.app).delete('/api/push/subscriptions').send({ endpoint: ENDPOINT, auth: owner.keys.auth }).expect(204);
    expect(await stored()).toBeUndefined();
  });
});
