import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artistDetailSchema, artistPageSchema, PAGE_LIMIT_MAX, releasePageSchema, type ReleasePage } from '#common/catalog-page';
import { releaseSchema, type Release } from '#common/catalog';
import { artistIdOf } from '#common/artist-id';
import { API } from '#common/routes';
import { releaseMaker, writeBaseCatalog } from '../test/library-fixtures.js';
import { makeTestMedia } from '../test/test-media.js';
import { startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let releases: Release[];

beforeAll(async () => {
  const media = makeTestMedia();
  const release = releaseMaker(media);
  releases = [
    release({ id: 'harbour', title: 'Harbour Lights', artist: 'The Stowaways', tracks: ['Low Tide', 'Night Ferry'] }),
    release({ id: 'cafe', title: 'Café Society', artist: 'Zoë Brontë', tracks: ['Morning'] }),
    release({ id: 'elan', title: 'Élan', artist: 'Björk Sánchez' }),
    release({ id: 'echo', title: 'Echo Chamber', artist: 'Zoë Brontë' }),
    release({ id: 'fjord', title: 'fjord', artist: 'Anna Ødegaard' }),
    release({ id: 'film', title: 'Harbour at Night', artist: 'The Stowaways', kind: 'movie' }),
    release({ id: 'songs', title: 'Quiet Songs', artist: 'Someone', tracks: ['Harbour Song', 'Elsewhere'] }),
    ...Array.from({ length: 20 }, (_, i) =>
      release({ id: `filler-${i}`, title: `Filler ${String(i).padStart(2, '0')}`, artist: `Artist ${i % 4}` }),
    ),
  ];
  writeBaseCatalog(media, releases);
  server = await startTestServer({ media });
});
afterAll(() => server.repository.close());

const get = (path: string, query: Record<string, string | number> = {}) => request(server.app).get(path).query(query);

async function page(query: Record<string, string | number> = {}): Promise<ReleasePage> {
  const res = await get(API.libraryReleases, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return releasePageSchema.parse(res.body);
}

/** Every page of a listing, following `next`. */
async function allPages(query: Record<string, string | number>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const result: ReleasePage = await page(cursor ? { ...query, cursor } : query);
    ids.push(...result.releases.map((r) => r.id));
    cursor = result.next;
  } while (cursor);
  return ids;
}

describe('GET /api/library/releases', () => {
  it('lists summaries, newest first, without parts or hashes', async () => {
    const first = await page({ limit: 3 });
    expect(first.releases.map((r) => r.id)).toEqual(['filler-19', 'filler-18', 'filler-17']);
    expect(first.next).toMatch(/^[A-Za-z0-9_-]+$/);
    const harbour = (await page({ q: 'harbour lights' })).releases[0];
    expect(harbour).toEqual({
      id: 'harbour',
      kind: 'album',
      title: 'Harbour Lights',
      artist: 'The Stowaways',
      artistId: 'the-stowaways',
      releaseDate: '2026-01-01',
      artwork: '/media/library/cover.jpg',
      duration: 60,
      bytes: 100 + 101 + 40,
      tracks: 2,
    });
  });

  it('pages through every release once in each sort', async () => {
    for (const sort of ['added', 'title', 'artist']) {
      const ids = await allPages({ sort, limit: 4 });
      expect(ids).toHaveLength(releases.length);
      expect(new Set(ids).size).toBe(releases.length);
    }
    expect(await allPages({ sort: 'added', limit: 5 })).toEqual(releases.map((r) => r.id).reverse());
  });

  it('sorts A–Z by title ignoring case and accents, and by artist then title', async () => {
    const byTitle = await allPages({ sort: 'title', limit: 50 });
    expect(byTitle.slice(0, 7)).toEqual(['cafe', 'echo', 'elan', 'filler-0', 'filler-1', 'filler-2', 'filler-3']);
    expect(byTitle.slice(-5)).toEqual(['filler-19', 'fjord', 'film', 'harbour', 'songs']);
    const byArtist = await allPages({ sort: 'artist', limit: 50 });
    expect(byArtist.slice(0, 2)).toEqual(['fjord', 'filler-0']); // Anna Ødegaard, then Artist 0
    expect(byArtist.slice(-4)).toEqual(['film', 'harbour', 'cafe', 'echo']); // The Stowaways, Zoë Brontë
  });

  it('filters by kind and by artist', async () => {
    expect((await page({ kind: 'movie' })).releases.map((r) => r.id)).toEqual(['film']);
    const albums = await allPages({ kind: 'album', sort: 'title', limit: 10 });
    expect(albums).toHaveLength(releases.length - 1);
    expect(albums).not.toContain('film');
    expect((await page({ artist: artistIdOf('Zoe Bronte') })).releases.map((r) => r.id)).toEqual(['echo', 'cafe']);
    expect((await page({ artist: 'the-stowaways', kind: 'album' })).releases.map((r) => r.id)).toEqual(['harbour']);
  });

  it('searches titles, artists and track titles; ranked, by prefix, without case or accents', async () => {
    const ids = async (q: string, more: Record<string, string> = {}) => (await page({ q, ...more })).releases.map((r) => r.id);
    // Title matches rank above a match in a track title only (bm25 then favours the shorter release).
    const harbour = await ids('harbour');
    expect(harbour.slice(0, 2).sort()).toEqual(['film', 'harbour']);
    expect(harbour[2]).toBe('songs');
    expect(await ids('harb')).toEqual(harbour);
    expect(await ids('HARBOUR LIG')).toEqual(['harbour']);
    expect(await ids('cafe')).toEqual(['cafe']);
    expect(await ids('ÉLAN')).toEqual(['elan']);
    expect(await ids('elan')).toEqual(['elan']);
    expect(await ids('zoe')).toEqual(expect.arrayContaining(['cafe', 'echo']));
    expect(await ids('bronte')).toHaveLength(2);
    expect(await ids('ferry')).toEqual(['harbour']); // a track title
    expect(await ids('odegaard')).toEqual(['fjord']);
    expect(await ids('harbour', { kind: 'movie' })).toEqual(['film']);
    expect(await ids('harbour', { sort: 'title' })).toEqual(['film', 'harbour', 'songs']);
    expect(await ids('nothing-like-this')).toEqual([]);
    expect(await ids('"*()')).toEqual([]); // FTS5 syntax is never passed through
  });

  it('pages through search results by relevance', async () => {
    const ids = await allPages({ q: 'filler', limit: 6 });
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it('answers 304 to If-None-Match, and compresses a large page with an ETag of its own', async () => {
    const plain = await get(API.libraryReleases, { limit: 50 }).set('Accept-Encoding', 'identity');
    const gzip = await get(API.libraryReleases, { limit: 50 }).set('Accept-Encoding', 'gzip');
    const etag = plain.headers['etag'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['etag']).toBe(`${etag.slice(0, -1)}-gzip"`);
    expect(gzip.headers['vary']).toMatch(/Accept-Encoding/);
    expect(gzip.body).toEqual(plain.body);
    for (const tag of [etag, gzip.headers['etag'] as string]) {
      const again = await get(API.libraryReleases, { limit: 50 }).set('If-None-Match', tag);
      expect(again.status).toBe(304);
    }
    expect((await get(API.libraryReleases, { limit: 5 }).set('If-None-Match', etag)).status).toBe(200);
  });

  it.each([
    [{ limit: 0 }, /limit/],
    [{ limit: PAGE_LIMIT_MAX + 1 }, /limit/],
    [{ limit: 'ten' }, /limit/],
    [{ limit: 2.5 }, /limit/],
    [{ sort: 'price' }, /sort/],
    [{ sort: 'relevance' }, /sort: relevance needs a search/],
    [{ kind: 'single' }, /kind/],
    [{ cursor: 'not a cursor!' }, /cursor/],
    [{ cursor: 'bm90LWpzb24' }, /cursor/],
    [{ cursor: Buffer.from('["a",-1]').toString('base64url') }, /cursor/],
    [{ artist: 'Not An Id' }, /artist/],
    [{ q: 'x'.repeat(201) }, /q/],
    [{ page: 2 }, /page/],
  ])('refuses %j with a JSON 400', async (query, message) => {
    const res = await get(API.libraryReleases, query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a cursor made for another sort, and a repeated parameter', async () => {
    const { next } = await page({ sort: 'title', limit: 2 });
    const res = await get(API.libraryReleases, { sort: 'added', cursor: next ?? '' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/cursor/);
    expect((await request(server.app).get(`${API.libraryReleases}?limit=2&limit=3`)).status).toBe(400);
  });
});

describe('GET /api/library/releases/:id', () => {
  it('sends one whole release, with a strong ETag, and 404 for an unknown id', async () => {
    const res = await get(API.libraryRelease('harbour'));
    expect(res.status).toBe(200);
    expect(releaseSchema.parse(res.body)).toEqual(releases[0]);
    expect((await get(API.libraryRelease('harbour')).set('If-None-Match', res.headers['etag'] as string)).status).toBe(304);
    const missing = await get(API.libraryRelease('nope'));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await request(server.app).post(API.libraryRelease('harbour'))).status).toBe(405);
  });
});

describe('GET /api/artists', () => {
  it('pages artists A–Z with their release counts', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(API.artists, cursor ? { limit: 3, cursor } : { limit: 3 });
      const result = artistPageSchema.parse(res.body);
      names.push(...result.artists.map((a) => `${a.name}:${a.releases}`));
      cursor = result.next;
    } while (cursor);
    expect(names).toEqual([
      'Anna Ødegaard:1',
      'Artist 0:5',
      'Artist 1:5',
      'Artist 2:5',
      'Artist 3:5',
      'Björk Sánchez:1',
      'Someone:1',
      'The Stowaways:2',
      'Zoë Brontë:2',
    ]);
    expect((await get(API.artists, { cursor: 'eA' })).status).toBe(400);
  });

  it('sends one artist with their releases, newest first; 404 unknown, 400 not an id', async () => {
    const res = await get(API.artist('zoe-bronte'));
    const detail = artistDetailSchema.parse(res.body);
    expect(detail.artist).toEqual({ id: 'zoe-bronte', name: 'Zoë Brontë', releases: 2 });
    expect(detail.releases.releases.map((r) => r.id)).toEqual(['echo', 'cafe']);
    expect(detail.releases.next).toBeNull();
    expect((await get(API.artist('nobody'))).status).toBe(404);
    const bad = await get(API.artist('-bad-'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
  });
});
