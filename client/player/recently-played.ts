import type { Release } from '#common/catalog';
import { artworkSrcset } from '#common/artwork-srcset';
import { playedParts } from '#common/release-facts';
import { appState } from '#browser/state/app-state';
import { Store } from '../state/store.js';

/**
 * Releases played on this device, newest first (localStorage: small and synchronous), each with
 * what is needed to show it without asking the server: "Recently played" and "Continue
 * watching" in the library work offline and never need the catalog.
 */
export interface PlayedRelease {
  readonly id: string;
  readonly kind: Release['kind'];
  readonly title: string;
  readonly artist: string;
  readonly artwork: string;
  /** The artwork's sizes, for the small pictures; absent in entries saved before it. */
  readonly artworkSrcset?: string;
  /** The film's manifest or the first track: where its resume position is kept, and what must be downloaded to play it offline. */
  readonly playUrl: string;
  /** Seconds of that part. */
  readonly duration: number;
}

const KEY = 'stowaway:recently-played';
const MAX_ENTRIES = 30;

function readAll(): PlayedRelease[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isPlayedRelease) : [];
  } catch {
    return [];
  }
}

const isPlayedRelease = (value: unknown): value is PlayedRelease => {
  const v = value as Partial<PlayedRelease> | null;
  return (
    typeof v?.id === 'string' &&
    (v.kind === 'album' || v.kind === 'movie') &&
    typeof v.title === 'string' &&
    typeof v.artist === 'string' &&
    typeof v.artwork === 'string' &&
    (v.artworkSrcset === undefined || typeof v.artworkSrcset === 'string') &&
    typeof v.playUrl === 'string' &&
    typeof v.duration === 'number'
  );
};

export const recentlyPlayed = new Store<readonly PlayedRelease[]>(readAll());

/** The release started playing: it moves to the front. */
export function recordPlayed(release: Omit<PlayedRelease, 'playUrl' | 'duration'> & Partial<PlayedRelease>): void {
  const entry = { playUrl: '', duration: 0, ...release };
  // For cleanup's "not played for N days" (kept apart, with no limit on how many releases).
  void appState.recordPlayedAt(entry.id, Date.now()).catch(() => undefined);
  if (recentlyPlayed.value[0]?.id === entry.id) return;
  const entries = [entry, ...recentlyPlayed.value.filter((r) => r.id !== entry.id)].slice(0, MAX_ENTRIES);
  recentlyPlayed.set(entries);
  try {
    localStorage.setItem(KEY, JSON.stringify(entries));
  } catch {
    // storage full or unavailable: the list is a nicety
  }
}

/** A whole release that started playing (the film player has the release itself). */
export function recordReleasePlayed(release: Release): void {
  const first = playedParts(release)[0];
  const { id, kind, title, artist, artwork } = release;
  const srcset = artworkSrcset(release);
  recordPlayed({
    id,
    kind,
    title,
    artist,
    artwork,
    artworkSrcset: srcset,
    playUrl: first?.url ?? '',
    duration: first?.duration ?? 0,
  });
}
