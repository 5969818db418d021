import type { Release } from './catalog.js';

// Facts derived from a release. Kept apart from catalog.ts so the page can use them without
// bundling the validation library.

/** Bytes a download of the whole release transfers: the Background Fetch `downloadTotal`. */
export function releaseBytes(release: Release): number {
  return release.parts.reduce((sum, part) => sum + part.bytes, 0);
}

/** Playing time in seconds: the sum of the tracks, or the manifest's duration for a movie. */
export function releaseDuration(release: Release): number {
  const timed = release.parts.filter((p) => p.role === (release.kind === 'album' ? 'track' : 'manifest'));
  return timed.reduce((sum, part) => sum + (part.duration ?? 0), 0);
}
