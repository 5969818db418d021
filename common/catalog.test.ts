import { describe, expect, it } from 'vitest';
import {
  keepValidReleases,
  PART_TYPES,
  releaseToPublishSchema,
  validateCatalog,
  validateRelease,
  type Release,
} from './catalog.js';
import { BLOCK_BYTES, blockKey, blockRange, blocksOf, parseBlockKey } from './download-blocks.js';
import { sampleAlbum } from './sample-album.fixture.js';
import { releaseBytes, releaseDuration } from './release-facts.js';
import { isMediaOrigin, isMediaUrl, isSafeMediaPath, mediaPathOf, mediaUrlOn } from './media-path.js';

const hash = 'a'.repeat(64);

describe('validateRelease', () => {
  it('accepts a complete album and computes its size and length', () => {
    const result = validateRelease(sampleAlbum());
    expect(result.ok).toBe(true);
    expect(releaseBytes(sampleAlbum())).toBe(350);
    expect(releaseDuration(sampleAlbum())).toBe(50);
  });

  it.each([
    ['a bad id', { id: 'Bad Id' }, 'id'],
    ['an unknown kind', { kind: 'podcast' }, 'kind'],
    ['an empty title', { title: '   ' }, 'title'],
    ['a bad date', { releaseDate: '2026-13-45' }, 'releaseDate'],
    ['artwork that is not a part', { artwork: '/media/new/other.jpg' }, 'artwork'],
    ['an unknown field', { price: 3 }, 'price'],
    ['no parts', { parts: [] }, 'parts'],
  ])('refuses %s', (_name, overrides, path) => {
    const result = validateRelease({ ...sampleAlbum(), ...overrides });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(path);
  });

  it.each([
    ['a URL off the origin', 'https://evil.example/x.webm'],
    ['a protocol-relative URL', '//evil.example/x.webm'],
    ['a path outside /media/', '/api/catalog'],
    ['a dot-dot segment', '/media/../server/main.ts'],
    ['an encoded dot-dot', '/media/%2e%2e/x.webm'],
    ['a backslash', '/media/a\\b.webm'],
    ['a query string', '/media/a.webm?x=1'],
  ])('refuses a part with %s', (_name, url) => {
    const album = sampleAlbum();
    const parts = album.parts.map((p, i) => (i === 0 ? { ...p, url } : p));
    expect(validateRelease({ ...album, parts }).ok).toBe(false);
  });

  it('refuses bad sizes and hashes', () => {
    const album = sampleAlbum();
    for (const change of [{ bytes: 0 }, { bytes: -1 }, { bytes: 1.5 }, { sha256: 'A'.repeat(64) }, { sha256: 'abc' }]) {
      const parts = album.parts.map((p, i) => (i === 0 ? { ...p, ...change } : p));
      expect(validateRelease({ ...album, parts }).ok, JSON.stringify(change)).toBe(false);
    }
  });

  it('accepts only media, image, subtitle and manifest types for a part', () => {
    const album = sampleAlbum();
    const typed = (type: string) =>
      validateRelease({ ...album, parts: album.parts.map((p, i) => (i === 0 ? { ...p, type } : p)) });
    for (const type of PART_TYPES) expect(typed(type).ok, type).toBe(true);
    for (const type of [
      'text/html',
      'image/svg+xml',
      'application/xhtml+xml',
      'application/javascript',
      'text/xml',
      'AUDIO/WEBM',
    ]) {
      const result = typed(type);
      expect(result.ok, type).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^parts\.0\.type: must be one of audio\/webm/);
    }
  });

  it('refuses a track without a title or duration, and duplicate URLs', () => {
    const album = sampleAlbum();
    const [first, second, cover] = album.parts as [Release['parts'][0], Release['parts'][0], Release['parts'][0]];
    expect(validateRelease({ ...album, parts: [{ ...first, title: undefined }, second, cover] }).ok).toBe(false);
    expect(validateRelease({ ...album, parts: [first, { ...second, url: first.url }, cover] }).ok).toBe(false);
  });

  it('needs exactly one manifest for a movie', () => {
    const movie = { ...sampleAlbum(), kind: 'movie' as const };
    expect(validateRelease(movie).ok).toBe(false);
    const manifest = {
      url: '/media/new/manifest.mpd',
      type: 'application/dash+xml',
      bytes: 10,
      sha256: hash,
      role: 'manifest' as const,
    };
    expect(validateRelease({ ...movie, parts: [...movie.parts, manifest] }).ok).toBe(true);
  });
});

describe('block hashes', () => {
  const withFirst = (change: object) => {
    const album = sampleAlbum();
    return { ...album, parts: album.parts.map((p, i) => (i === 0 ? { ...p, ...change } : p)) };
  };

  it('are required, one per block, for a file larger than one block, and refused for a smaller one', () => {
    const big = BLOCK_BYTES * 2 + 1;
    expect(validateRelease(withFirst({ bytes: big })).ok).toBe(false);
    expect(validateRelease(withFirst({ bytes: big, blocks: [hash, hash] })).ok).toBe(false);
    expect(validateRelease(withFirst({ bytes: big, blocks: [hash, hash, hash] })).ok).toBe(true);
    expect(validateRelease(withFirst({ bytes: BLOCK_BYTES, blocks: [hash] })).ok).toBe(false);
    expect(validateRelease(withFirst({ bytes: big, blocks: [hash, hash, 'nope'] })).ok).toBe(false);
  });

  it('may be left to the server when publishing', () => {
    expect(releaseToPublishSchema.safeParse(withFirst({ bytes: BLOCK_BYTES * 2 + 1 })).success).toBe(true);
    expect(validateCatalog({ releases: [withFirst({ bytes: BLOCK_BYTES * 2 + 1 })] }, { toPublish: true }).ok).toBe(true);
    expect(validateCatalog({ releases: [withFirst({ bytes: BLOCK_BYTES * 2 + 1 })] }).ok).toBe(false);
  });

  it('split a file into blocks with their ranges and keys', () => {
    const file = { url: '/media/f.webm', bytes: BLOCK_BYTES + 10, sha256: hash, blocks: ['b'.repeat(64), 'c'.repeat(64)] };
    const blocks = blocksOf(file);
    expect(blocks).toEqual([
      { index: 0, start: 0, end: BLOCK_BYTES, sha256: 'b'.repeat(64) },
      { index: 1, start: BLOCK_BYTES, end: BLOCK_BYTES + 10, sha256: 'c'.repeat(64) },
    ]);
    expect(blocks.map((b) => blockRange(file, b))).toEqual([
      `bytes=0-${BLOCK_BYTES - 1}`,
      `bytes=${BLOCK_BYTES}-${BLOCK_BYTES + 9}`,
    ]);
    expect(blocksOf({ url: '/media/s.webm', bytes: 10, sha256: hash })).toEqual([{ index: 0, start: 0, end: 10, sha256: hash }]);
    expect(
      blockRange({ url: '/media/s.webm', bytes: 10, sha256: hash }, { index: 0, start: 0, end: 10, sha256: hash }),
    ).toBeUndefined();
    expect(parseBlockKey(blockKey('/media/f.webm', 3))).toEqual({ url: '/media/f.webm', index: 3 });
    expect(parseBlockKey('/media/f.webm')).toBeUndefined();
  });
});

describe('validateCatalog', () => {
  it('refuses duplicate release ids', () => {
    const result = validateCatalog({ releases: [sampleAlbum(), sampleAlbum()] });
    expect(result).toEqual({ ok: false, message: 'releases: id "new-album" appears twice' });
  });
  it('refuses a non-object', () => {
    expect(validateCatalog('nope').ok).toBe(false);
  });
});

describe('keepValidReleases (what the SW lets through)', () => {
  it('drops a release whose part leaves the media paths, or whose size or hash is wrong, and keeps the rest', () => {
    const good = sampleAlbum();
    const offOrigin = {
      ...sampleAlbum(),
      id: 'elsewhere',
      parts: good.parts.map((p) => ({ ...p, url: `https://evil.example${p.url.replace('/media/', '/')}` })),
    };
    const protocolRelative = { ...sampleAlbum(), id: 'sneaky', artwork: '//evil.example/cover.jpg' };
    const badSize = { ...sampleAlbum(), id: 'bad-size', parts: good.parts.map((p) => ({ ...p, bytes: -1 })) };
    const badHash = { ...sampleAlbum(), id: 'bad-hash', parts: good.parts.map((p) => ({ ...p, sha256: 'not-a-hash' })) };
    const result = keepValidReleases({ releases: [offOrigin, good, protocolRelative, badSize, badHash, { ...good }, 'junk'] });
    expect(result?.catalog.releases.map((r) => r.id)).toEqual([good.id]);
    expect(result?.refused.map((line) => line.split(':')[0])).toEqual([
      'releases.0',
      'releases.2',
      'releases.3',
      'releases.4',
      'releases.5',
      'releases.6',
    ]);
    expect(result?.refused[4]).toContain('appears twice');
  });

  it.each([null, 'nope', 42, {}, { releases: 'all of them' }])('answers undefined for %o, which is no catalog', (input) => {
    expect(keepValidReleases(input)).toBeUndefined();
  });
});

describe('isSafeMediaPath', () => {
  it.each(['/media/a.webm', '/media/albums/x-y/01_a.b.webm'])('accepts %s', (p) => expect(isSafeMediaPath(p)).toBe(true));
  it.each(['/media/', '/media//a', '/media/./a', '/media/.hidden', '/media/a/../b', '/media/a b', '/media/a%20b', '/mediax/a'])(
    'refuses %s',
    (p) => expect(isSafeMediaPath(p)).toBe(false),
  );
});

describe('media URLs on another origin (MEDIA_BASE_URL)', () => {
  it.each([
    '/media/a.webm',
    'https://cdn.example/media/a/b.webm',
    'http://127.0.0.1:8081/media/a.webm',
    'http://[::1]:81/media/a',
  ])('accepts %s', (url) => expect(isMediaUrl(url)).toBe(true));
  it.each([
    'https://cdn.example/a.webm',
    'https://cdn.example/media/../a',
    'https://CDN.example/media/a',
    'https://cdn.example:443/media/a',
    'https://user@cdn.example/media/a',
    'https://cdn.example/media/a?x=1',
    '//cdn.example/media/a',
    'ftp://cdn.example/media/a',
    'javascript://cdn.example/media/a',
  ])('refuses %s', (url) => expect(isMediaUrl(url)).toBe(false));

  it('keeps a release whose files are all on the media origin, and names each file by its path', () => {
    const album = sampleAlbum();
    const onCdn = {
      ...album,
      artwork: mediaUrlOn('https://cdn.example', album.artwork),
      parts: album.parts.map((p) => ({ ...p, url: mediaUrlOn('https://cdn.example', p.url) })),
    };
    expect(keepValidReleases({ releases: [onCdn] })?.refused).toEqual([]);
    expect(onCdn.parts.map((p) => mediaPathOf(p.url))).toEqual(album.parts.map((p) => p.url));
  });

  it('is never what an operator publishes: those are paths under MEDIA_DIR', () => {
    const album = sampleAlbum();
    const onCdn = { ...album, parts: album.parts.map((p) => ({ ...p, url: `https://cdn.example${p.url}` })) };
    expect(releaseToPublishSchema.safeParse(onCdn).success).toBe(false);
    expect(releaseToPublishSchema.safeParse(album).success).toBe(true);
  });

  it.each([
    ['https://cdn.example', true],
    ['http://localhost:8081', true],
    ['https://cdn.example/', false],
    ['http://localhost:80', false],
    ['https://cdn.example:99999', false],
  ])('%s is an origin the app can name: %s', (origin, ok) => expect(isMediaOrigin(origin)).toBe(ok));
});
