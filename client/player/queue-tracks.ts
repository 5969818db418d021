import type { Release } from '#common/catalog';
import { releaseTracks } from '#common/release-facts';
import { renditionUrls } from '#common/renditions';
import { artworkSrcset } from '#common/artwork-srcset';
import type { QueueTrack } from './play-queue.js';

/** A release's tracks as queue entries, each with a fresh key (a song may be queued twice). */
export function queueTracksOf(release: Release): QueueTrack[] {
  return releaseTracks(release).map((part) => ({
    key: crypto.randomUUID(),
    url: part.url,
    renditions: renditionUrls(part),
    title: part.title ?? release.title,
    duration: part.duration ?? 0,
    releaseId: release.id,
    releaseTitle: release.title,
    artist: release.artist,
    artwork: release.artwork,
    artworkSrcset: artworkSrcset(release),
  }));
}
