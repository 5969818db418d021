import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Release } from '#common/catalog';
import { BLOCK_BYTES } from '#common/download-blocks';
import { API } from '#common/routes';
import { patternBytes, sha256 } from '../test/test-media.js';
import { ADMIN_TOKEN, startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let release: Release;

beforeAll(async () => {
  server = await startTestServer();
  const track = server.media.addFile('albums/new/01.webm', patternBytes(300));
  const cover = server.media.addFile('albums/new/cover.jpg', patternBytes(40));
  release = {
    id: 'new-album',
    kind: 'album',
    title: 'New Album',
    artist: 'Tester',
    releaseDate: '2026-11-20',
    artwork: cover.url,
    parts: [
      { ...track, type: 'audio/webm', role: 'track', title: 'First', duration: 3 },
      { ...cover, type: 'image/jpeg', role: 'artwork' },
    ],
  };
});
afterAll(() => server.repository.close());

const publish = (body: unknown, token: string | null = ADMIN_TOKEN) => {
  const req = request(server.app).post('/api/releases');
  if (token !== null) req.set('Authorization', `Bearer ${token}`);
  return req.send(body as object);
};

describe('POST /api/releases', () => {
  it('refuses a missing or wrong token with 401 and stores nothing', async () => {
    for (const token of [null, 'wrong-token-wrong-token', `${ADMIN_TOKEN}x`, '']) {
      const res = await publish(release, token);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(await server.repository.catalog.count()).toBe(1); // the base catalog's one release
  });

  it('refuses an invalid release with a 400 that names the problem', async () => {
    const res = await publish({ ...release, releaseDate: 'soon' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('releaseDate');
  });

  it.each([
    ['a part URL on another origin', { url: 'https://evil.example/media/albums/new/01.webm' }],
    ['a protocol-relative part URL', { url: '//evil.example/media/albums/new/01.webm' }],
    ['a part URL that climbs out of /media', { url: '/media/../package.json' }],
    ['a part URL outside /media', { url: '/api/catalog' }],
    ['a negative size', { bytes: -1 }],
    ['a hash that is not sha256 hex', { sha256: 'B'.repeat(64) }],
    ['a part typed as a web page', { type: 'text/html' }],
    ['a part typed as scriptable SVG', { type: 'image/svg+xml' }],
    ['a part typed as XHTML', { type: 'application/xhtml+xml' }],
  ])('refuses %s with a 400 and stores nothing', async (_name, change) => {
    const res = await publish({ ...release, parts: release.parts.map((p, i) => (i === 0 ? { ...p, ...change } : p)) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(res.body.error.message).toMatch(/^parts\.0\./);
    expect(await server.repository.catalog.count()).toBe(1); // the base catalog's one release
  });

  it('refuses a release whose files are missing or differ from what it says', async () => {
    const wrongSize = { ...release, parts: release.parts.map((p, i) => (i === 0 ? { ...p, bytes: p.bytes + 1 } : p)) };
    expect((await publish(wrongSize)).body.error.message).toMatch(/has 300 bytes/);
    const wrongHash = { ...release, parts: release.parts.map((p, i) => (i === 0 ? { ...p, sha256: 'b'.repeat(64) } : p)) };
    expect((await publish(wrongHash)).body.error.message).toMatch(/sha256 does not match/);
    const missing = {
      ...release,
      parts: release.parts.map((p, i) => (i === 0 ? { ...p, url: '/media/albums/new/99.webm' } : p)),
    };
    expect((await publish(missing)).body.error.message).toMatch(/no such file/);
    expect(await server.repository.catalog.count()).toBe(1); // the base catalog's one release
  });

  it('adds the block hashes of a file larger than one block, and checks them when given', async () => {
    const big = patternBytes(BLOCK_BYTES + 1000);
    const film = server.media.addFile('movies/big/film.webm', big);
    const poster = server.media.addFile('movies/big/poster.jpg', patternBytes(60));
    const movie = {
      id: 'big-film',
      kind: 'movie' as const,
      title: 'Big Film',
      artist: 'Tester',
      releaseDate: '2026-11-21',
      artwork: poster.url,
      parts: [
        { ...film, type: 'video/webm', role: 'manifest' as const, duration: 60 },
        { ...poster, type: 'image/jpeg', role: 'artwork' as const },
      ],
    };
    const wrongBlocks = { ...movie, parts: [{ ...movie.parts[0], blocks: ['c'.repeat(64), 'd'.repeat(64)] }, movie.parts[1]] };
    expect((await publish(wrongBlocks)).body.error.message).toMatch(/block hashes do not match/);
    expect((await publish(movie)).status).toBe(201);
    const catalog = (await request(server.app).get('/api/catalog')).body as { releases: Release[] };
    const stored = catalog.releases.find((r) => r.id === 'big-film')?.parts[0];
    expect(stored?.blocks).toEqual([sha256(big.subarray(0, BLOCK_BYTES)), sha256(big.subarray(BLOCK_BYTES))]);
    expect(stored?.sha256).toBe(sha256(big));
  });

  it('publishes: 201 at once with the queued alert, the catalog and its ETag change; a second time is 409', async () => {
    const before = await request(server.app).get('/api/catalog');
    const res = await publish(release);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      release: { id: 'new-album' },
      // Queued, or already done: with no subscriber, pg-boss's worker may finish it before the answer.
      delivery: expect.objectContaining({ releaseId: 'new-album', state: expect.stringMatching(/^(queued|done)$/), sent: 0 }),
    });
    const followed = async () =>
      (await request(server.app).get(API.releaseDelivery('new-album')).set('Authorization', `Bearer ${ADMIN_TOKEN}`)).body;
    await expect.poll(followed).toMatchObject({ id: res.body.delivery.id, state: 'done', matched: 0 });
    expect((await request(server.app).get(API.releaseDelivery('new-album'))).status).toBe(401);
    expect(
      (await request(server.app).get(API.releaseDelivery('no-such')).set('Authorization', `Bearer ${ADMIN_TOKEN}`)).status,
    ).toBe(404);
    // The dead letters, for the operator: none here, 401 without the token, 404 for no alert.
    const dead = await request(server.app).get(API.releaseDeadLetters('new-album')).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(dead.body).toEqual({ releaseId: 'new-album', deadLetters: [] });
    expect((await request(server.app).get(API.releaseDeadLetters('new-album'))).status).toBe(401);
    expect(
      (await request(server.app).get(API.releaseDeadLetters('no-such')).set('Authorization', `Bearer ${ADMIN_TOKEN}`)).status,
    ).toBe(404);
    const after = await request(server.app)
      .get('/api/catalog')
      .set('If-None-Match', before.headers['etag'] as string);
    expect(after.status).toBe(200);
    expect(after.body.releases.map((r: Release) => r.id)).toEqual(['test-album', 'big-film', 'new-album']);
    expect((await publish(release)).status).toBe(409);
    expect((await publish({ ...release, id: 'test-album' })).status).toBe(409);
  });
});

describe('one file, one type', () => {
  it('refuses a release that gives another release’s file another type (409), and the file keeps its type', async () => {
    const hijack: Release = {
      ...release,
      id: 'hijack',
      parts: [
        {
          ...release.parts[0],
          url: '/media/albums/test/01.webm',
          bytes: 1000,
          sha256: sha256(server.media.track),
          type: 'video/mp4',
        },
        release.parts[1],
      ] as Release['parts'],
    };
    const res = await publish(hijack);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(
      '/media/albums/test/01.webm: typed video/mp4 here, but audio/webm by release "test-album"',
    );
    const served = await request(server.app).get('/media/albums/test/01.webm');
    expect(served.headers['content-type']).toBe('audio/webm');
  });

  it('accepts a release that shares a file with the same type', async () => {
    const shared: Release = {
      ...release,
      id: 'shares-the-cover',
      parts: [release.parts[0], release.parts[1]] as Release['parts'],
    };
    expect((await publish(shared)).status).toBe(201);
  });

  it('checks every quality of a part: a missing or wrong rendition refuses the release, a big one gets its block hashes', async () => {
    const low = server.media.addFile('albums/qualities/01.low.webm', patternBytes(120));
    const high = server.media.addFile('albums/qualities/01.high.webm', patternBytes(BLOCK_BYTES + 10));
    const track = server.media.addFile('albums/qualities/01.webm', patternBytes(300));
    const cover = server.media.addFile('albums/qualities/cover.jpg', patternBytes(40));
    const highAlt = { ...high, quality: 'high', type: 'audio/webm' };
    const album = {
      ...release,
      id: 'in-qualities',
      artwork: cover.url,
      parts: [
        {
          ...track,
          type: 'audio/webm',
          role: 'track',
          title: 'First',
          duration: 3,
          quality: 'normal',
          alternatives: [{ ...low, quality: 'low', type: 'audio/webm' }, highAlt],
        },
        { ...cover, type: 'image/jpeg', role: 'artwork' },
      ],
    };
    const withLow = (change: object) => ({
      ...album,
      parts: [
        {
          ...album.parts[0],
          alternatives: [{ ...low, quality: 'low', type: 'audio/webm', ...change }, highAlt],
        },
        album.parts[1],
      ],
    });
    expect((await publish(withLow({ sha256: 'b'.repeat(64) }))).body.error.message).toMatch(
      /01\.low\.webm: sha256 does not match/,
    );
    expect((await publish(withLow({ url: '/media/albums/qualities/missing.webm' }))).body.error.message).toMatch(/no such file/);
    expect((await publish(album)).status).toBe(201);
    const stored = (await request(server.app).get(API.libraryRelease('in-qualities'))).body as Release;
    const highStored = stored.parts[0]?.alternatives?.find((a) => a.quality === 'high');
    expect(highStored?.blocks).toHaveLength(2);
    // The media route serves every rendition, with its catalog type.
    const res = await request(server.app).get(low.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^audio\/webm/);
  });
});
