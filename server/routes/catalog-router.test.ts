import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.repository.close());

describe('GET /api/catalog', () => {
  it('sends the catalog with a strong ETag and answers 304 when it has not changed', async () => {
    const res = await request(server.app).get('/api/catalog');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.releases.map((r: { id: string }) => r.id)).toEqual(['test-album']);
    const etag = res.headers['etag'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await request(server.app).get('/api/catalog').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const stale = await request(server.app).get('/api/catalog').set('If-None-Match', '"old"');
    expect(stale.status).toBe(200);
  });

  it('refuses writes with 405 and unknown API paths with a JSON 404', async () => {
    expect((await request(server.app).put('/api/catalog')).status).toBe(405);
    const missing = await request(server.app).get('/api/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('sends the security headers on API answers', async () => {
    const res = await request(server.app).get('/api/catalog');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
