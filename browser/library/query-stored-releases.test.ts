import { describe, expect, it } from 'vitest';
import type { Release } from '#common/catalog';
import { releaseQuerySchema, type ReleaseQuery } from '#common/catalog-page';
import { releaseSummaryOf } from '#common/release-summary';
import { queryStoredReleases, type StoredRelease } from './query-stored-releases.js';

function stored(id: string, title: string, artist: string, extra: Partial<Release> = {}, tracks: string[] = []): StoredRelease {
  const release: Release = {
    id,
    kind: 'album',
    title,
    artist,
    releaseDate: '2026-01-01',
    artwork: `/media/${id}/cover.jpg`,
    parts: tracks.map((t, i) => ({
      url: `/media/${id}/${i}.webm`,
      type: 'audio/webm',
      role: 'track',
      bytes: 10,
      sha256: 'a'.repeat(64),
      title: t,
      duration: 60,
    })),
    ...extra,
  } as Release;
  return { summary: releaseSummaryOf(release), release: tracks.length ? release : undefined };
}

const library = [
  stored('a', 'Élan Vital', 'Björk', { releaseDate: '2026-03-01' }),
  stored('b', 'Night Drive', 'Sigur Rós', { releaseDate: '2026-05-01' }, ['Elandra', 'Morning']),
  stored('c', 'Drive Home', 'Elan', { releaseDate: '2026-04-01', kind: 'movie' }),
  stored('d', 'Quiet', 'Björk', { releaseDate: '2026-02-01' }),
];
const query = (q: Record<string, string>): ReleaseQuery => releaseQuerySchema.parse(q);
const ids = (q: Record<string, string>) => queryStoredReleases(library, query(q)).releases.map((r) => r.id);

describe('queryStoredReleases (the library offline)', () => {
  it('sorts newest release first, A–Z by title, or by artist then title', () => {
    expect(ids({})).toEqual(['b', 'c', 'a', 'd']);
    expect(ids({ sort: 'title' })).toEqual(['c', 'a', 'b', 'd']);
    expect(ids({ sort: 'artist' })).toEqual(['a', 'd', 'c', 'b']);
  });

  it('filters by kind and by artist', () => {
    expect(ids({ kind: 'movie' })).toEqual(['c']);
    expect(ids({ artist: 'bjork' })).toEqual(['a', 'd']);
  });

  it('searches titles, artists and stored track titles by word prefix, without accents, title first', () => {
    expect(ids({ q: 'ELAN' })).toEqual(['a', 'c', 'b']);
    expect(ids({ q: 'driv' })).toEqual(['b', 'c']);
    expect(ids({ q: 'sigur morn' })).toEqual(['b']);
    expect(ids({ q: 'rive' })).toEqual([]);
  });

  it('pages with its own cursor, and gives nothing for a server cursor it cannot place', () => {
    const first = queryStoredReleases(library, query({ limit: '3' }));
    expect(first.releases).toHaveLength(3);
    expect(first.next).toBe('offline3');
    const rest = queryStoredReleases(library, query({ limit: '3', cursor: first.next ?? '' }));
    expect(rest).toEqual({ releases: [library[3]?.summary], next: null });
    expect(queryStoredReleases(library, query({ cursor: 'eyJzIjoxfQ' }))).toEqual({ releases: [], next: null });
  });
});
