import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { releaseToPublishSchema } from './catalog.js';
import { isSafeMediaPath } from './media-path.js';
import { sampleAlbum } from './sample-album.fixture.js';

describe('catalog validation, properties', () => {
  it('never accepts a part URL that could leave /media/ or the origin', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (tail) => {
        const url = `/media/${tail}`;
        if (!isSafeMediaPath(url)) return;
        // Whatever the string, an accepted path is plain segments under /media/: nothing a URL
        // parser or a file system could turn into another directory, host or query.
        const segments = url.slice('/media/'.length).split('/');
        expect(segments.every((s) => s.length > 0 && s !== '.' && s !== '..' && !s.startsWith('.'))).toBe(true);
        expect(/[%\\?#:@\s]/.test(url)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  // As published (block hashes of large files are the server's to add; catalog.test.ts checks them).
  it('accepts only whole positive byte sizes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN)), (bytes) => {
        const album = sampleAlbum();
        const parts = album.parts.map((p, i) => (i === 0 ? { ...p, bytes } : p));
        const ok = releaseToPublishSchema.safeParse({ ...album, parts }).success;
        expect(ok).toBe(Number.isInteger(bytes) && bytes >= 1 && bytes <= 2 ** 40);
      }),
      { numRuns: 500 },
    );
  });
});
