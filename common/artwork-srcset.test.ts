import { describe, expect, it } from 'vitest';
import { artworkSrcset } from './artwork-srcset.js';
import { sampleAlbum } from './sample-album.fixture.js';
import { releaseSummaryOf } from './release-summary.js';

const hash = 'b'.repeat(64);
const sized = (width: number) =>
  ({ url: `/media/new/cover-${width}.jpg`, type: 'image/jpeg', bytes: width, sha256: hash, role: 'artwork', width }) as const;

describe('artworkSrcset', () => {
  it('lists the artwork parts that give a width, smallest first', () => {
    const album = sampleAlbum();
    const release = sampleAlbum({ parts: [...album.parts, sized(512), sized(160), sized(320)] });
    expect(artworkSrcset(release)).toBe(
      '/media/new/cover-160.jpg 160w, /media/new/cover-320.jpg 320w, /media/new/cover-512.jpg 512w',
    );
  });

  it('is empty when no artwork gives its width, and the summary then leaves it out', () => {
    expect(artworkSrcset(sampleAlbum())).toBe('');
    expect(releaseSummaryOf(sampleAlbum())).not.toHaveProperty('artworkSrcset');
  });

  it('is the same for a release and its summary', () => {
    const release = sampleAlbum({ parts: [...sampleAlbum().parts, sized(320), sized(160)] });
    expect(artworkSrcset(releaseSummaryOf(release))).toBe(artworkSrcset(release));
  });
});
