import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCatalog } from '#common/catalog';
import { bytesAt, releaseFiles, releaseQualities } from '#common/renditions';

const mediaDir = path.dirname(new URL(import.meta.url).pathname);
const catalog = JSON.parse(readFileSync(path.join(mediaDir, 'catalog.json'), 'utf8')) as unknown;

describe('media/catalog.json', () => {
  const result = validateCatalog(catalog);

  it('is a valid catalog with two albums of 3+ tracks and a movie with segments and subtitles', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const albums = result.value.releases.filter((r) => r.kind === 'album');
    expect(albums.length).toBeGreaterThanOrEqual(2);
    for (const album of albums) expect(album.parts.filter((p) => p.role === 'track').length).toBeGreaterThanOrEqual(3);
    const movie = result.value.releases.find((r) => r.kind === 'movie');
    expect(movie?.parts.filter((p) => p.role === 'segment').length).toBeGreaterThan(2);
    expect(movie?.parts.some((p) => p.role === 'subtitles')).toBe(true);
  });

  it('gives every file, in every quality, its size and sha256', () => {
    if (!result.ok) throw new Error(result.message);
    for (const part of result.value.releases.flatMap(releaseFiles)) {
      const bytes = readFileSync(path.join(mediaDir, part.url.slice('/media/'.length)));
      expect(bytes.length, part.url).toBe(part.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), part.url).toBe(part.sha256);
    }
  });

  it('gives audio tracks between 20 and 60 seconds', () => {
    if (!result.ok) throw new Error(result.message);
    const tracks = result.value.releases.flatMap((r) => r.parts).filter((p) => p.role === 'track');
    for (const track of tracks) expect(track.duration).toBeGreaterThanOrEqual(19.5);
    for (const track of tracks) expect(track.duration).toBeLessThanOrEqual(60);
  });

  it('offers an album and the film in three qualities, each smaller than the next', () => {
    if (!result.ok) throw new Error(result.message);
    const offered = result.value.releases.filter((r) => releaseQualities(r).length === 3);
    expect(offered.map((r) => r.kind).sort()).toEqual(['album', 'movie']);
    for (const release of offered) {
      expect(bytesAt(release, 'low'), release.id).toBeLessThan(bytesAt(release, 'normal'));
      expect(bytesAt(release, 'normal'), release.id).toBeLessThan(bytesAt(release, 'high'));
    }
  });
});
