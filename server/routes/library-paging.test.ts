import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasePageSchema, type ReleasePage } from '#common/catalog-page';
import type { Release } from '#common/catalog';
import { API } from '#common/routes';
import { publishRelease, releaseMaker, writeBaseCatalog } from '../test/library-fixtures.js';
import { makeTestMedia } from '../test/test-media.js';
import { startTestServer } from '../test/test-server.js';

// Keyset paging while the catalog grows: releases published between two page requests never make
// a release already listed come again, nor one not yet listed be skipped.

let server: Awaited<ReturnType<typeof startTestServer>>;
let release: ReturnType<typeof releaseMaker>;
let base: Release[];
let published = 0;

const WORDS = ['Amber', 'Zephyr', 'Mist', 'Échelle', 'Bloom', 'Quartz', 'Dune', 'Oasis', 'Lumen', 'Kestrel'];

beforeAll(async () => {
  const media = makeTestMedia();
  release = releaseMaker(media);
  base = Array.from({ length: 40 }, (_, i) =>
    release({
      id: `base-${i}`,
      title: `${WORDS[i % WORDS.length]} ${i}`,
      artist: `${WORDS[(i * 7) % WORDS.length]} Band`,
      tracks: ['Pulse'],
      kind: i % 5 === 0 ? 'movie' : 'album',
    }),
  );
  writeBaseCatalog(media, base);
  server = await startTestServer({ media });
});
afterAll(() => server.repository.close());

/** Two new releases whose titles and artists fall before, among and after those listed. */
async function publishTwo(): Promise<void> {
  for (let k = 0; k < 2; k++) {
    const n = published++;
    const title = `${WORDS[(n * 3) % WORDS.length]} ${n} new`;
    const res = await publishRelease(
      server.app,
      release({ id: `new-${n}`, title, artist: `${WORDS[n % WORDS.length]} Band`, tracks: ['Pulse'] }),
    );
    expect(res.status).toBe(201);
  }
}

async function pageWhilePublishing(query: Record<string, string | number>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await request(server.app)
      .get(API.libraryReleases)
      .query(cursor ? { ...query, cursor } : query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const page: ReleasePage = releasePageSchema.parse(res.body);
    ids.push(...page.releases.map((r) => r.id));
    cursor = page.next;
    await publishTwo();
  } while (cursor);
  return ids;
}

describe('paging while releases are published', () => {
  it.each([
    [{ sort: 'added', limit: 7 }],
    [{ sort: 'title', limit: 6 }],
    [{ sort: 'artist', limit: 9 }],
    [{ sort: 'title', kind: 'album', limit: 5 }],
    [{ sort: 'title', q: 'band', limit: 8 }],
    [{ q: 'pulse', limit: 8 }],
  ])('%j: every release that was there is listed exactly once', async (query: Record<string, string | number>) => {
    const publishedBefore = published;
    const ids = await pageWhilePublishing(query);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = base
      .filter((r) => !query.kind || r.kind === query.kind)
      .filter((r) => query.q !== 'pulse' || r.kind === 'album'); // films have no tracks
    expect(ids.filter((id) => id.startsWith('base-')).sort()).toEqual(expected.map((r) => r.id).sort());
    // Newest first: what is published after the first page belongs before it, never after.
    const publishedMeanwhile = (id: string) => id.startsWith('new-') && Number(id.slice(4)) >= publishedBefore;
    if (query.sort === 'added') expect(ids.filter(publishedMeanwhile)).toEqual([]);
  });
});
