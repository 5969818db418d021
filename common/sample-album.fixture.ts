import type { Release } from './catalog.js';

/** A valid album for tests to alter one field at a time. */
const hash = 'a'.repeat(64);

export function sampleAlbum(overrides: Partial<Release> = {}): Release {
  return {
    id: 'new-album',
    kind: 'album',
    title: 'New Album',
    artist: 'Someone',
    releaseDate: '2026-11-20',
    artwork: '/media/new/cover.jpg',
    parts: [
      { url: '/media/new/01.webm', type: 'audio/webm', bytes: 100, sha256: hash, role: 'track', title: 'One', duration: 20 },
      { url: '/media/new/02.webm', type: 'audio/webm', bytes: 200, sha256: hash, role: 'track', title: 'Two', duration: 30 },
      { url: '/media/new/cover.jpg', type: 'image/jpeg', bytes: 50, sha256: hash, role: 'artwork' },
    ],
    ...overrides,
  };
}
