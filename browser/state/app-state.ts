import { createStore, get, set, update } from 'idb-keyval';
import { DATABASES } from '#common/databases';
import { DEVICE_KEY_BYTES } from '#common/device-key';
import { DEFAULT_MAX_DOWNLOADS } from '#common/download-ledger';
import { DEFAULT_QUALITY, type Quality, type QualityChoice } from '#common/renditions';
import { NO_STORAGE_POLICY, type StoragePolicy } from '../downloads/storage-policy.js';

/**
 * Small settings and memory shared by the page and the SW (IndexedDB, so the SW can read them
 * when no page is open): this device's id, followed artists, what was already seen.
 */
const store = createStore(DATABASES.state.database, DATABASES.state.store);

export interface FollowPreference {
  /** Start downloading a new release by this artist as soon as it is known. */
  readonly autoDownload: boolean;
  /** …but only on an unmetered connection, where the browser can tell. */
  readonly unmeteredOnly: boolean;
}

export interface FavouriteTrack {
  readonly url: string;
  readonly title: string;
  readonly releaseId: string;
  readonly releaseTitle: string;
  readonly artist: string;
}

/** Settings › Quality: the default download quality of music and of films, and the streaming one. */
export interface QualitySettings {
  readonly music: QualityChoice;
  readonly film: QualityChoice;
  readonly streaming: Quality;
}
export const DEFAULT_QUALITY_SETTINGS: QualitySettings = {
  music: DEFAULT_QUALITY,
  film: DEFAULT_QUALITY,
  streaming: DEFAULT_QUALITY,
};

export const appState = {
  async deviceId(): Promise<string> {
    const known = await get<string>('deviceId', store);
    if (known) return known;
    const id = crypto.randomUUID();
    await set('deviceId', id, store);
    return id;
  },
  /**
   * The secret that proves this device to the server (common/device-key.ts). Made once, in one
   * IndexedDB transaction, so the page and the SW asking at the same moment get the same key.
   */
  async deviceKey(): Promise<string> {
    let key = '';
    await update<string>('deviceKey', (known) => (key = known ?? newDeviceKey()), store);
    return key;
  },
  follows: async (): Promise<Record<string, FollowPreference>> => (await get('follows', store)) ?? {},
  async setFollow(artist: string, preference: FollowPreference | undefined): Promise<void> {
    const others = Object.entries(await appState.follows()).filter(([name]) => name !== artist);
    await set('follows', Object.fromEntries(preference ? [...others, [artist, preference]] : others), store);
  },
  favourites: async (): Promise<string[]> => (await get('favourites', store)) ?? [],
  setFavourites: (tracks: string[]) => set('favourites', tracks, store),
  /** What "Your library" shows of each favourite track, by URL (favourites made before this have none). */
  favouriteDetails: async (): Promise<Record<string, FavouriteTrack>> => (await get('favouriteDetails', store)) ?? {},
  setFavouriteDetails: (details: Record<string, FavouriteTrack>) => set('favouriteDetails', details, store),
  /** The catalog version (change feed) this device has followed to; undefined before the first refresh. */
  catalogVersion: () => get<number>('catalogVersion', store),
  setCatalogVersion: (version: number) => set('catalogVersion', version, store),
  /** New releases announced (push or refresh) and not yet seen in the library: the app badge. */
  unseenReleaseIds: async (): Promise<string[]> => (await get('unseenReleaseIds', store)) ?? [],
  setUnseenReleaseIds: (ids: string[]) => set('unseenReleaseIds', ids, store),
  /** When a periodic sync last refreshed the catalog (shown in Settings). */
  lastBackgroundRefresh: () => get<number>('lastBackgroundRefresh', store),
  setLastBackgroundRefresh: (time: number) => set('lastBackgroundRefresh', time, store),
  /** How many releases download at once (Settings); the others wait in the queue. */
  maxDownloads: async (): Promise<number> => (await get<number>('maxDownloads', store)) ?? DEFAULT_MAX_DOWNLOADS,
  setMaxDownloads: (count: number) => set('maxDownloads', count, store),
  /** "Download only on Wi-Fi or other unmetered connections" (Settings), for every download. */
  unmeteredOnly: async (): Promise<boolean> => (await get<boolean>('unmeteredOnly', store)) ?? false,
  setUnmeteredOnly: (only: boolean) => set('unmeteredOnly', only, store),
  qualities: async (): Promise<QualitySettings> => ({
    ...DEFAULT_QUALITY_SETTINGS,
    ...(await get<QualitySettings>('qualities', store)),
  }),
  setQualities: (qualities: QualitySettings) => set('qualities', qualities, store),
  /** The downloads' budget and cleanup (Settings › Budget and cleanup). */
  storagePolicy: async (): Promise<StoragePolicy> => ({
    ...NO_STORAGE_POLICY,
    ...(await get<StoragePolicy>('storagePolicy', store)),
  }),
  setStoragePolicy: (policy: StoragePolicy) => set('storagePolicy', policy, store),
  /** Releases the person pinned: never removed by cleanup or to make room. */
  pinnedReleases: async (): Promise<string[]> => (await get<string[]>('pinnedReleases', store)) ?? [],
  setPinned: (releaseId: string, pinned: boolean) =>
    update<string[]>(
      'pinnedReleases',
      (ids = []) => [...ids.filter((id) => id !== releaseId), ...(pinned ? [releaseId] : [])],
      store,
    ),
  /** When each release last started playing on this device (cleanup's "not played for N days"). */
  playedAt: async (): Promise<Record<string, number>> => (await get('playedAt', store)) ?? {},
  recordPlayedAt: (releaseId: string, at: number) =>
    update<Record<string, number>>('playedAt', (known = {}) => ({ ...known, [releaseId]: at }), store),
  /** When each film was last watched to its end (cleanup's "remove watched films"). */
  watchedAt: async (): Promise<Record<string, number>> => (await get('watchedAt', store)) ?? {},
  recordWatchedAt: (releaseId: string, at: number) =>
    update<Record<string, number>>('watchedAt', (known = {}) => ({ ...known, [releaseId]: at }), store),
};

function newDeviceKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(DEVICE_KEY_BYTES));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
