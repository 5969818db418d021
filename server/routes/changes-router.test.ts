import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogChangesSchema } from '#common/catalog-page';
import { API } from '#common/routes';
import { publishRelease, releaseMaker } from '../test/library-fixtures.js';
import { startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.repository.close());

const changes = (since: number | string) => request(server.app).get(API.catalogChanges).query({ since });

/** Bytes of a response's status line and headers, as they go on the wire. */
const headBytes = (res: request.Response) =>
  `HTTP/1.1 ${res.status}\r\n`.length +
  Object.entries(res.headers).reduce((sum, [name, value]) => sum + `${name}: ${String(value)}\r\n`.length, 2);

describe('GET /api/catalog/changes', () => {
  it('from version 0 sends every release of a small catalog', async () => {
    const res = await changes(0);
    const body = catalogChangesSchema.parse(res.body);
    expect(body).toMatchObject({ type: 'changes', since: 0, version: 1, removed: [], more: false });
    expect(body.type === 'changes' && body.upserts.map((r) => r.id)).toEqual(['test-album']);
  });

  it('with nothing new: a small answer, then 304 under 1 KB', async () => {
    const current = await changes(1);
    expect(current.body).toEqual({ type: 'changes', since: 1, version: 1, upserts: [], added: [], removed: [], more: false });
    const etag = current.headers['etag'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await changes(1).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(headBytes(again)).toBeLessThan(1024);
  });

  it('after ten releases are published: those ten, whole, in a few KB of gzip', async () => {
    const before = await changes(1);
    const release = releaseMaker(server.media);
    for (let i = 0; i < 10; i++) {
      const res = await publishRelease(
        server.app,
        release({ id: `fresh-${i}`, title: `Fresh ${i}`, artist: 'Newcomer', tracks: ['One', 'Two', 'Three'] }),
      );
      expect(res.status).toBe(201);
    }
    expect((await changes(1).set('If-None-Match', before.headers['etag'] as string)).status).toBe(200);
    const res = await changes(1).set('Accept-Encoding', 'gzip');
    const body = catalogChangesSchema.parse(res.body);
    if (body.type !== 'changes') throw new Error('expected changes');
    expect(body.upserts.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `fresh-${i}`));
    expect(body.added).toEqual(body.upserts.map((r) => r.id));
    expect(body.upserts[0]?.parts).toHaveLength(4);
    expect(body).toMatchObject({ since: 1, version: 11, removed: [], more: false });
    expect(res.headers['content-encoding']).toBe('gzip');
    const wire = Number(res.headers['content-length']) + headBytes(res);
    expect(wire).toBeLessThan(10 * 1024);
    expect(wire).toBeLessThan(JSON.stringify(res.body).length);
    // From the middle of them, only the rest.
    const rest = catalogChangesSchema.parse((await changes(6)).body);
    expect(rest.type === 'changes' && rest.upserts.map((r) => r.id)).toEqual([
      'fresh-5',
      'fresh-6',
      'fresh-7',
      'fresh-8',
      'fresh-9',
    ]);
  });

  it('since=latest: a client with no copy is told the version to follow from', async () => {
    const res = await changes('latest');
    expect(res.body).toEqual({ type: 'resync', version: await server.repository.catalog.version() });
  });

  it('says to resync from a version this database never had', async () => {
    const res = await changes(1_000_000);
    expect(res.body).toEqual({ type: 'resync', version: await server.repository.catalog.version() });
  });

  it.each([[''], ['-1'], ['1.5'], ['two']])('refuses since=%j with a JSON 400', async (since) => {
    const res = await changes(since);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/since/);
  });

  it('refuses a missing since, and writes', async () => {
    expect((await request(server.app).get(API.catalogChanges)).status).toBe(400);
    expect((await request(server.app).post(API.catalogChanges)).status).toBe(405);
  });
});
