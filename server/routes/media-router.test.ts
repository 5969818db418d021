import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_RESPONSE_HEADERS } from '#common/media-response-headers';
import { resolvedPathsCached } from '../media/resolve-media-file.js';
import { patternBytes } from '../test/test-media.js';
import { startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const TRACK = '/media/albums/test/01.webm';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.repository.close());

/** supertest buffers binary bodies only with a parser. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const get = (url: string, headers: Record<string, string> = {}) =>
  request(server.app).get(url).set(headers).buffer(true).parse(binary);

describe('GET /media cache lifetimes', () => {
  it('caches a file for a year, immutable, when its name carries its sha256 as the catalog gives it', async () => {
    const hashed = server.media.release.parts.find((p) => p.width === 160);
    if (!hashed) throw new Error('the test catalog has no hashed artwork');
    const res = await get(hashed.url);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates after an hour any other file, and one whose name claims a hash it does not have', async () => {
    const falselyHashed = server.media.release.parts.find((p) => p.width === 320);
    for (const url of [TRACK, '/media/albums/test/cover.jpg', falselyHashed?.url ?? '']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=3600');
    }
  });
});

describe('GET /media ranges', () => {
  it('sends the whole file with validators when there is no Range', async () => {
    const res = await get(TRACK);
    expect(res.status).toBe(200);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-type']).toBe('audio/webm');
    expect(res.headers['content-length']).toBe('1000');
    expect(res.headers['etag']).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(MEDIA_RESPONSE_HEADERS['Content-Security-Policy']);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(Buffer.compare(res.body as Buffer, server.media.track)).toBe(0);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=100-', 100, 999],
    ['bytes=-100', 900, 999],
    ['bytes=900-5000', 900, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=0-99,50-149', 0, 149],
  ])('%s → 206 with bytes %i-%i', async (range, start, end) => {
    const res = await get(TRACK, { Range: range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/1000`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(Buffer.compare(res.body as Buffer, server.media.track.subarray(start, end + 1))).toBe(0);
  });

  it.each(['bytes=1000-', 'bytes=-0', `bytes=${Array.from({ length: 200 }, (_, i) => `${i}-${i}`).join(',')}`])(
    '%s → 416 with bytes */size',
    async (range) => {
      const res = await get(TRACK, { Range: range.slice(0, 4000) });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe('bytes */1000');
      expect((res.body as Buffer).length).toBe(0);
    },
  );

  it.each(['bytes=0-9,500-509', 'bytes=500-100', 'bytes=nonsense', 'lines=0-9'])(
    '%s → the whole file, never multipart',
    async (range) => {
      const res = await get(TRACK, { Range: range });
      expect(res.status).toBe(200);
      expect(res.headers['content-length']).toBe('1000');
      expect((res.body as Buffer).length).toBe(1000);
    },
  );

  it('answers conditional requests: 304 on a matching ETag, Range ignored on a stale If-Range', async () => {
    const first = await get(TRACK);
    const etag = first.headers['etag'] as string;
    expect((await get(TRACK, { 'If-None-Match': etag })).status).toBe(304);
    const fresh = await get(TRACK, { Range: 'bytes=0-9', 'If-Range': etag });
    expect(fresh.status).toBe(206);
    const stale = await get(TRACK, { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    expect(stale.status).toBe(200);
    expect((stale.body as Buffer).length).toBe(1000);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await request(server.app).head(TRACK).set('Range', 'bytes=10-19');
    expect(res.status).toBe(206);
    expect(res.headers['content-length']).toBe('10');
  });

  it('may be read by any origin (media on a CDN), errors included, and answers a preflight', async () => {
    const file = await get(TRACK, { Origin: 'https://app.example', Range: 'bytes=0-9' });
    expect(file.headers['access-control-allow-origin']).toBe('*');
    expect(file.headers['access-control-expose-headers']).toMatch(/Content-Range.*ETag/);
    expect(file.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const missing = await get('/media/albums/test/none.webm', { Origin: 'https://app.example' });
    expect(missing.status).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    const preflight = await request(server.app).options(TRACK).set({
      Origin: 'https://app.example',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'range,if-range',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Range, If-Range/);
  });

  it('refuses other methods with 405', async () => {
    const res = await request(server.app).post(TRACK);
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, HEAD');
  });
});

describe('GET /media never leaves the media root', () => {
  it.each([
    '/media/../package.json',
    '/media/%2e%2e/secret.txt',
    '/media/%2E%2E/secret.txt',
    '/media/albums/test/..%2f..%2f..%2fsecret.txt',
    '/media/%252e%252e/secret.txt',
    '/media/albums/test/..%5c..%5csecret.txt',
    '/media/albums\\..\\..\\secret.txt',
    '/media/%2fetc%2fpasswd',
    '/media//etc/passwd',
    '/media/albums/test/escape.webm',
    '/media/albums/test/01.webm%00.jpg',
    '/media/albums/test/',
    '/media/albums',
    '/media/',
    '/media/.hidden',
    '/media/%',
  ])('%s is refused', async (url) => {
    const res = await request(server.app).get(url);
    expect([400, 404]).toContain(res.status);
    expect(res.text).not.toContain('outside the media root');
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});

describe('GET /media preconditions (RFC 9110 §13.2.2)', () => {
  it('answers 412 to an If-Match that does not match strongly, and serves one that does', async () => {
    const etag = (await get(TRACK)).headers['etag'] as string;
    for (const ifMatch of ['"another-version"', `W/${etag}`]) {
      const res = await get(TRACK, { 'If-Match': ifMatch, Range: 'bytes=0-9' });
      expect(res.status).toBe(412);
      expect((res.body as Buffer).length).toBe(0);
    }
    expect((await get(TRACK, { 'If-Match': etag, Range: 'bytes=0-9' })).status).toBe(206);
    expect((await get(TRACK, { 'If-Match': `"x", ${etag}` })).status).toBe(200);
    expect((await get(TRACK, { 'If-Match': '*' })).status).toBe(200);
  });

  it('answers 412 to an If-Unmodified-Since before the file changed, unless If-Match is there', async () => {
    const first = await get(TRACK);
    const lastModified = Date.parse(first.headers['last-modified'] as string);
    const before = new Date(lastModified - 60_000).toUTCString();
    expect((await get(TRACK, { 'If-Unmodified-Since': before })).status).toBe(412);
    expect((await get(TRACK, { 'If-Unmodified-Since': new Date(lastModified).toUTCString() })).status).toBe(200);
    expect((await get(TRACK, { 'If-Unmodified-Since': 'not a date' })).status).toBe(200);
    expect((await get(TRACK, { 'If-Unmodified-Since': before, 'If-Match': first.headers['etag'] as string })).status).toBe(200);
  });
});

describe('GET /media resolve cache', () => {
  it('does not grow with refused or missing paths', async () => {
    const before = resolvedPathsCached();
    for (let n = 0; n < 300; n++) {
      await request(server.app).get(`/media/${n % 2 ? 'missing' : '..%2f'}${'x'.repeat(2000)}${n}.webm`);
    }
    expect(resolvedPathsCached()).toBe(before);
  });

  it('sends a file replaced within the cache window with its new length, whole', async () => {
    const file = server.media.addFile('albums/test/replaced.webm', patternBytes(5000));
    expect((await get(file.url)).headers['content-length']).toBe('5000');
    const replacement = patternBytes(700).reverse();
    const temp = path.join(server.media.mediaDir, 'albums/test/.replacement');
    writeFileSync(temp, replacement);
    renameSync(temp, path.join(server.media.mediaDir, 'albums/test/replaced.webm'));
    const res = await get(file.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('700');
    expect((res.body as Buffer).equals(replacement)).toBe(true);
  });
});
