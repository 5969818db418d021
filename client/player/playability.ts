import { mediaPathOf } from '#common/media-path';
import type { Release } from '#common/catalog';
import { playableCopy } from '#common/download-ledger';
import { playedParts } from '#common/release-facts';
import { partFiles, type Quality } from '#common/renditions';
import { qualitySettings } from '../state/quality-settings.js';
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
  return streaming() || storedFiles().has(mediaPathOf(url));
}

/**
 * The file to load for a part known by its URL (its identity, the catalog's own file): the one a
 * finished download stored, whatever its quality; else, streaming, the person's streaming quality
 * when the part offers it (`renditions`, common/renditions.ts), else the part's own file.
 */
export function fileToPlay(url: string, renditions: Partial<Record<Quality, string>> = {}): string {
  const stored = storedFiles().get(mediaPathOf(url));
  if (stored) return stored;
  return renditions[qualitySettings.value.streaming] ?? url;
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
  const record = downloads.value.get(releaseId);
  return streaming() || (record && playableCopy(record)) ? undefined : notDownloaded();
}

/** The stores that decide playability, for components that re-render when it changes. */
export const playabilityStores = [downloads, serverReachable, offlineMode] as const;

let cache: { readonly from: unknown; readonly files: ReadonlyMap<string, string> } | undefined;

/** The path of every file of a finished download's parts, in any quality → the URL of the file it stored. */
function storedFiles(): ReadonlyMap<string, string> {
  if (cache?.from !== downloads.value) {
    const files = new Map<string, string>();
    for (const record of downloads.value.values()) {
      const copy = playableCopy(record);
      if (!copy) continue;
      for (const part of copy.parts) for (const file of partFiles(part)) files.set(mediaPathOf(file.url), part.url);
    }
    cache = { from: downloads.value, files };
  }
  return cache.files;
}
