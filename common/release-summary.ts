import { artistIdOf } from './artist-id.js';
import { artworkSrcset } from './artwork-srcset.js';
import type { Release } from './catalog.js';
import type { ReleaseSummary } from './catalog-page.js';
import { releaseBytes, releaseDuration, releaseTracks } from './release-facts.js';

/** What a list shows of a release (GET /api/library/releases). */
export function releaseSummaryOf(release: Release): ReleaseSummary {
  const srcset = artworkSrcset(release);
  return {
    id: release.id,
    kind: release.kind,
    title: release.title,
    artist: release.artist,
    artistId: artistIdOf(release.artist),
    releaseDate: release.releaseDate,
    artwork: release.artwork,
    ...(srcset ? { artworkSrcset: srcset } : {}),
    duration: releaseDuration(release),
    bytes: releaseBytes(release),
    tracks: releaseTracks(release).length,
  };
}
