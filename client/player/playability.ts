import { mediaPathOf } from '#common/media-path';
import type { Release } from '#common/catalog';
import { playedParts } from '#common/release-facts';
import { downloads } from '../state/downloads-store.js';
import { serverReachable } from '../state/connectivity.js';
import { offlineMode } from '../state/offline-mode.js';

/**
 * Whether a media file can play now, decided before anyone presses Play: with the server
 * reachable (and Offline mode off) everything streams; otherwise only files of finished downloads
 * play. A file that merely sits in the HTTP cache does not count, so what plays offline is
 * predictable.
 */
export function canPlayNow(url: string): boolean {
  return streaming() || downloadedUrls().has(mediaPathOf(url));
}

const streaming = (): boolean => serverReachable.value && !offlineMode.value;
const notDownloaded = (): string =>
  offlineMode.value ? 'Not downloaded (Offline mode is on)' : 'Not downloaded (you are offline)';

/** Why a file cannot play now, for the disabled button's label; undefined when it can. */
export function whyNotPlayable(url: string): string | undefined {
  return canPlayNow(url) ? undefined : notDownloaded();
}

/** Why a release cannot play now (judged by its first track, or its film's manifest). */
export function whyReleaseNotPlayable(release: Release): string | undefined {
  const first = playedParts(release)[0];
  return first ? whyNotPlayable(first.url) : 'Nothing to play';
}

/**
 * The same for a release known only by its summary (a library card): offline, only a finished
 * download plays.
 */
export function whyReleaseIdNotPlayable(releaseId: string): string | undefined {
  return streaming() || downloads.value.get(releaseId)?.state === 'done' ? undefined : notDownloaded();
}

/** The stores that decide playability, for components that re-render when it changes. */
export const playabilityStores = [downloads, serverReachable, offlineMode] as const;

let cache: { readonly from: unknown; readonly urls: ReadonlySet<string> } | undefined;

function downloadedUrls(): ReadonlySet<string> {
  if (cache?.from !== downloads.value) {
    const urls = [...downloads.value.values()]
      .filter((r) => r.state === 'done')
      .flatMap((r) => r.release.parts.map((p) => mediaPathOf(p.url)));
    cache = { from: downloads.value, urls: new Set(urls) };
  }
  return cache.urls;
}
