import type { Release } from './catalog.js';

// Facts derived from a release. Kept apart from catalog.ts so the page can use them without
// bundling the validation library.

/** Bytes a download of the whole release transfers: the Background Fetch `downloadTotal`. */
export function releaseBytes(release: Release): number {
  return release.parts.reduce((sum, part) => sum + part.bytes, 0);
}

/** An album's tracks, in order. */
export const releaseTracks = (release: Release): Release['parts'] => release.parts.filter((p) => p.role === 'track');

/** What plays: an album's tracks, or a movie's manifest. */
export const playedParts = (release: Release): Release['parts'] =>
  release.kind === 'album' ? releaseTracks(release) : release.parts.filter((p) => p.role === 'manifest');

/** Playing time in seconds: the sum of the tracks, or the manifest's duration for a movie. */
export function releaseDuration(release: Release): number {
  return playedParts(release).reduce((sum, part) => sum + (part.duration ?? 0), 0);
}
