import { describe, expect, it } from 'vitest';
import { validateRelease, type Release } from './catalog.js';
import { releaseBytes } from './release-facts.js';
import { bytesAt, mapReleaseFiles, qualityOf, releaseAt, releaseFiles, releaseQualities, renditionUrls } from './renditions.js';
import { sampleAlbum } from './sample-album.fixture.js';

const hash = 'b'.repeat(64);

/** The sample album with its two tracks in three bitrates (the cover has one file). */
function albumInThreeQualities(): Release {
  const album = sampleAlbum();
  return {
    ...album,
    parts: album.parts.map((part) =>
      part.role === 'track'
        ? {
            ...part,
            quality: 'normal' as const,
            alternatives: [
              {
                quality: 'low' as const,
                url: part.url.replace('.webm', '.low.webm'),
                type: 'audio/webm' as const,
                bytes: part.bytes / 2,
                sha256: hash,
              },
              {
                quality: 'high' as const,
                url: part.url.replace('.webm', '.high.webm'),
                type: 'audio/webm' as const,
                bytes: part.bytes * 2,
                sha256: hash,
              },
            ],
          }
        : part,
    ),
  };
}

describe('the catalog schema with renditions', () => {
  it('accepts parts in several qualities and lists every file', () => {
    const album = albumInThreeQualities();
    expect(validateRelease(album).ok).toBe(true);
    expect(releaseQualities(album)).toEqual(['low', 'normal', 'high']);
    expect(releaseFiles(album)).toHaveLength(7);
  });

  it('needs no renditions: a release of single files offers no choice', () => {
    expect(releaseQualities(sampleAlbum())).toEqual([]);
    expect(releaseAt(sampleAlbum(), 'high')).toEqual(sampleAlbum());
    expect(bytesAt(sampleAlbum(), 'low')).toBe(releaseBytes(sampleAlbum()));
  });

  const withTrack = (change: (track: Release['parts'][number]) => object): unknown => {
    const album = albumInThreeQualities();
    return { ...album, parts: album.parts.map((p, i) => (i === 0 ? change(p) : p)) };
  };

  it.each([
    ['alternatives without the part’s own quality', (t: Release['parts'][number]) => ({ ...t, quality: undefined }), 'quality'],
    ['a quality twice', (t: Release['parts'][number]) => ({ ...t, quality: 'low' }), 'once'],
    [
      'other qualities than the other parts',
      (t: Release['parts'][number]) => ({ ...t, alternatives: t.alternatives?.slice(0, 1) }),
      'same qualities',
    ],
    [
      'an alternative that is not audio',
      (t: Release['parts'][number]) => ({ ...t, alternatives: t.alternatives?.map((a) => ({ ...a, type: 'image/jpeg' })) }),
      'audio',
    ],
    [
      'an alternative URL used twice',
      (t: Release['parts'][number]) => ({ ...t, alternatives: t.alternatives?.map((a) => ({ ...a, url: t.url })) }),
      'appears twice',
    ],
    [
      'an alternative off the media path',
      (t: Release['parts'][number]) => ({
        ...t,
        alternatives: t.alternatives?.map((a) => ({ ...a, url: 'https://evil.example/x.webm' })),
      }),
      'alternatives',
    ],
    [
      'a large alternative without block hashes',
      (t: Release['parts'][number]) => ({ ...t, alternatives: t.alternatives?.map((a) => ({ ...a, bytes: 40_000_000 })) }),
      'block hashes',
    ],
  ])('refuses %s', (_name, change, words) => {
    const result = validateRelease(withTrack(change));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(words);
  });
});

describe('a release at one quality', () => {
  it('has the files of that quality as its parts, in order, and keeps the others as alternatives', () => {
    const album = albumInThreeQualities();
    const low = releaseAt(album, 'low');
    expect(validateRelease(low).ok).toBe(true);
    expect(low.parts.map((p) => p.url)).toEqual(['/media/new/01.low.webm', '/media/new/02.low.webm', '/media/new/cover.jpg']);
    expect(qualityOf(low)).toBe('low');
    expect(releaseBytes(low)).toBe(bytesAt(album, 'low'));
    expect(releaseBytes(low)).toBe(50 + 100 + 50);
    expect(bytesAt(album, 'high')).toBe(200 + 400 + 50);
    // Every quality can still be named from the downloaded copy, and resolving again round-trips.
    expect(renditionUrls(low.parts[0] as Release['parts'][number])).toEqual(
      renditionUrls(album.parts[0] as Release['parts'][number]),
    );
    expect(releaseAt(low, 'normal').parts.map((p) => p.url)).toEqual(album.parts.map((p) => p.url));
  });
});

describe('mapReleaseFiles', () => {
  it('changes every file in every quality and nothing else (a media origin, say)', () => {
    const album = albumInThreeQualities();
    const moved = mapReleaseFiles(album, (file) => ({ ...file, url: `https://cdn.example${file.url}` }));
    expect(releaseFiles(moved).every((f) => f.url.startsWith('https://cdn.example/media/'))).toBe(true);
    expect(releaseFiles(moved)).toHaveLength(releaseFiles(album).length);
    expect(moved.parts.map((p) => [p.role, p.title, p.quality])).toEqual(album.parts.map((p) => [p.role, p.title, p.quality]));
  });
});
