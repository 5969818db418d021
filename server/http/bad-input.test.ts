import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { newDevice } from '../test/device-fixtures.js';
import { subscriptionBody } from '../test/push-fixtures.js';
import { ADMIN_TOKEN, startTestServer } from '../test/test-server.js';

// Every route fed what a careless or hostile client sends. Each answer is a JSON error with a
// status the client can act on, the server keeps serving, and nothing stored changes.

let server: Awaited<ReturnType<typeof startTestServer>>;
const device = randomUUID();
const deviceKey = newDevice().headers;
let storedBefore: Awaited<ReturnType<typeof stored>>;

const stored = async () => ({
  subscriptions: await server.repository.subscriptions.count(),
  catalogVersion: await server.repository.catalog.version(),
  library: await server.repository.actions.library(device),
});

beforeAll(async () => {
  server = await startTestServer({ env: { WRITE_RATE_LIMIT: '0' } });
  storedBefore = await stored();
});
afterAll(async () => {
  expect(await stored()).toEqual(storedBefore);
  expect((await request(server.app).get('/api/health')).status).toBe(200);
  await server.repository.close();
});

const WRITE_ROUTES = [
  { method: 'post', path: '/api/push/subscriptions', valid: () => subscriptionBody('https://127.0.0.1:9/push/ok') },
  {
    method: 'delete',
    path: '/api/push/subscriptions',
    valid: () => ({ endpoint: 'https://127.0.0.1:9/push/ok', auth: 'tBHItJI5svbpez7KI4CCXg' }),
  },
  {
    method: 'post',
    path: '/api/actions',
    valid: () => ({ id: randomUUID(), deviceId: device, type: 'follow', subject: 'Tester', at: new Date().toISOString() }),
  },
  { method: 'post', path: '/api/releases', valid: () => server.media.release },
] as const;

const send = (route: (typeof WRITE_ROUTES)[number]) =>
  request(server.app)[route.method](route.path).set('Authorization', `Bearer ${ADMIN_TOKEN}`).set(deviceKey);

const expectJsonError = (res: request.Response, status: number, code?: string) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(typeof res.body.error?.message).toBe('string');
  if (code) expect(res.body.error.code).toBe(code);
};

describe.each(WRITE_ROUTES)('$method $path', (route) => {
  it.each([
    ['malformed JSON', '{"endpoint":', 'bad_request'],
    ['a bare number', '42', 'bad_request'],
    ['a bare string', '"hello"', 'bad_request'],
    ['null', 'null', 'bad_request'],
    ['an array', '[]', 'invalid_body'],
    ['an empty object', '{}', 'invalid_body'],
    ['deep nesting', `${'['.repeat(1500)}${']'.repeat(1500)}`, 'invalid_body'],
    ['__proto__ smuggling', '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}', 'invalid_body'],
  ])('refuses %s with a JSON 400', async (_name, body, code) => {
    const res = await send(route).set('Content-Type', 'application/json').send(body);
    expectJsonError(res, 400, code);
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
  });

  it('refuses an unknown field and a wrong type, naming them', async () => {
    const unknown = await send(route).send({ ...route.valid(), isAdmin: true });
    expectJsonError(unknown, 400, 'invalid_body');
    expect(unknown.body.error.message).toContain('isAdmin');
    const wrongTypes = Object.fromEntries(Object.keys(route.valid()).map((key) => [key, { nested: [1, 2, 3] }]));
    expectJsonError(await send(route).send(wrongTypes), 400, 'invalid_body');
  });

  it('refuses a huge body with 413 before reading it all', async () => {
    const res = await send(route).send({ ...route.valid(), padding: 'x'.repeat(2 * 1024 * 1024) });
    expectJsonError(res, 413, 'payload_too_large');
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'endpoint=x'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
    ['application/xml', '<a/>'],
  ])('refuses a %s body with 415', async (type, body) => {
    expectJsonError(await send(route).set('Content-Type', type).send(body), 415, 'unsupported_media_type');
  });

  it('refuses JSON in another charset or an unknown content encoding with 415', async () => {
    const body = JSON.stringify(route.valid());
    const latin1 = await send(route).set('Content-Type', 'application/json; charset=iso-8859-1').send(body);
    expectJsonError(latin1, 415, 'unsupported_media_type');
    const compressed = await send(route).set('Content-Type', 'application/json').set('Content-Encoding', 'x-snappy').send(body);
    expectJsonError(compressed, 415, 'unsupported_media_type');
  });

  it('refuses a body with no content type at all with 415', async () => {
    const res = await request(server.app)[route.method](route.path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expectJsonError(res, 415, 'unsupported_media_type');
  });
});

describe('wrong methods', () => {
  it.each([
    ['/api/catalog', 'POST', 'GET, HEAD'],
    ['/api/catalog', 'DELETE', 'GET, HEAD'],
    ['/api/push/key', 'PUT', 'GET, HEAD'],
    ['/api/push/subscriptions', 'GET', 'POST, DELETE'],
    ['/api/push/subscriptions', 'PATCH', 'POST, DELETE'],
    ['/api/releases', 'GET', 'POST'],
    ['/api/releases', 'DELETE', 'POST'],
    ['/api/actions', 'GET', 'POST'],
    [`/api/devices/${device}/library`, 'POST', 'GET, HEAD'],
    ['/media/albums/test/01.webm', 'PUT', 'GET, HEAD'],
    ['/media/albums/test/01.webm', 'DELETE', 'GET, HEAD'],
  ])('%s answers %s with 405 and Allow', async (path, method, allow) => {
    const res = await request(server.app)[method.toLowerCase() as 'post'](path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expectJsonError(res, 405, 'method_not_allowed');
    expect(res.headers['allow']).toBe(allow);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    expectJsonError(await request(server.app).post('/api/health/../../etc'), 404, 'not_found');
    expectJsonError(await request(server.app).get('/api/nothing-here'), 404, 'not_found');
  });
});

describe('headers', () => {
  it('refuses huge headers with 431 and keeps serving', async () => {
    const res = await request(server.app)
      .get('/api/catalog')
      .set('X-Padding', 'x'.repeat(64 * 1024));
    expect(res.status).toBe(431);
    expect((await request(server.app).get('/api/catalog')).status).toBe(200);
  });

  it.each([
    ['a thousand ranges', `bytes=${Array.from({ length: 1000 }, (_, i) => `${i * 2}-${i * 2}`).join(',')}`, 416],
    ['a start beyond any file', `bytes=${'9'.repeat(40)}-`, 416],
    ['an end beyond any number', `bytes=0-${'9'.repeat(400)}`, 206],
    ['a suffix beyond any number', `bytes=-${'9'.repeat(40)}`, 206],
    ['overlapping ranges', 'bytes=0-500,100-600,200-700,0-999', 206],
    ['negative numbers', 'bytes=-5-10', 200],
    ['fractions', 'bytes=0.5-10', 200],
    ['hex', 'bytes=0x10-0x20', 200],
    ['whitespace games', 'bytes = 0 - 10', 200],
    ['an empty set', 'bytes=', 200],
    ['commas only', 'bytes=,,,,', 200],
  ])('answers a Range of %s sensibly (%i), never with an error', async (_name, range, status) => {
    const res = await request(server.app).get('/media/albums/test/01.webm').set('Range', range);
    expect(res.status).toBe(status);
    if (status === 416) expect(res.headers['content-range']).toBe('bytes */1000');
    if (status === 206) expect(res.headers['content-range']).toMatch(/^bytes \d+-999\/1000$/);
  });
});

describe('the admin token', () => {
  it.each([
    ['no header', undefined],
    ['an empty bearer', 'Bearer '],
    ['another scheme', `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`],
    ['the token without its scheme', ADMIN_TOKEN],
    ['the right length, last character wrong', `Bearer ${ADMIN_TOKEN.slice(0, -1)}x`],
    ['a prefix of the token', `Bearer ${ADMIN_TOKEN.slice(0, 8)}`],
    ['the token and more', `Bearer ${ADMIN_TOKEN}0`],
    ['the token in another case', `Bearer ${ADMIN_TOKEN.toUpperCase()}`],
  ])('refuses %s with 401', async (_name, authorization) => {
    const req = request(server.app).post('/api/releases');
    if (authorization !== undefined) req.set('Authorization', authorization);
    expectJsonError(await req.send(server.media.release), 401, 'unauthorized');
  });
});

describe('malformed URLs and bodies', () => {
  const lines: string[] = [];
  let withClient: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    const clientDir = mkdtempSync(path.join(tmpdir(), 'stowaway-client-'));
    mkdirSync(path.join(clientDir, 'assets'));
    writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><stowaway-app></stowaway-app>');
    writeFileSync(path.join(clientDir, 'assets', 'app.js'), '');
    withClient = await startTestServer({
      env: { CLIENT_DIR: clientDir, WRITE_RATE_LIMIT: '0' },
      serveClient: true,
      logger: createLogger((line) => lines.push(line)),
    });
  });
  afterAll(() => withClient.repository.close());

  it.each(['/%ff', '/releases/%ff', '/api/devices/%zz/library', '/assets/%ff.js', '/media/%ff.webm', '/%E0%A4%A'])(
    'answers GET %s with a JSON 400, logged at info only',
    async (url) => {
      const res = await request(withClient.app).get(url).set('Accept', 'text/html');
      expectJsonError(res, 400, 'bad_request');
      expect(lines.filter((line) => !line.includes('"level":"info"'))).toEqual([]);
    },
  );

  it('answers a corrupt gzip body on POST /api/actions with a JSON 400, logged at info only', async () => {
    const res = await request(withClient.app)
      .post('/api/actions')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(Buffer.from('this is not gzip at all'));
    expectJsonError(res, 400, 'bad_request');
    expect(lines.filter((line) => !line.includes('"level":"info"'))).toEqual([]);
  });
});
