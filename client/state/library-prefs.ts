import { appState, type FavouriteTrack, type FollowPreference } from '#browser/state/app-state';
import { recordAction } from '../background/outbox-sender.js';
import { Store } from './store.js';

export interface LibraryPrefs {
  readonly follows: Readonly<Record<string, FollowPreference>>;
  readonly favourites: ReadonlySet<string>;
  /** Favourite tracks with what a list needs to show them, newest first. */
  readonly favouriteTracks: readonly FavouriteTrack[];
}

/** Followed artists and favourite tracks: kept on the device, and sent to the server (via the outbox). */
export const libraryPrefs = new Store<LibraryPrefs>({ follows: {}, favourites: new Set(), favouriteTracks: [] });

export async function loadLibraryPrefs(): Promise<void> {
  const favourites = await appState.favourites();
  const details = await appState.favouriteDetails();
  const favouriteTracks = favourites.flatMap((url) => (details[url] ? [details[url]] : [])).reverse();
  libraryPrefs.set({ follows: await appState.follows(), favourites: new Set(favourites), favouriteTracks });
}

export async function setFollow(artist: string, preference: FollowPreference | undefined): Promise<void> {
  const wasFollowing = artist in libraryPrefs.value.follows;
  await appState.setFollow(artist, preference);
  await loadLibraryPrefs();
  if (wasFollowing !== (preference !== undefined)) await recordAction(preference ? 'follow' : 'unfollow', artist);
}

export async function toggleFavourite(track: FavouriteTrack): Promise<void> {
  const trackUrl = track.url;
  const favourites = new Set(libraryPrefs.value.favourites);
  const adding = !favourites.has(trackUrl);
  if (adding) favourites.add(trackUrl);
  else favourites.delete(trackUrl);
  await appState.setFavourites([...favourites]);
  const { [trackUrl]: _old, ...details } = await appState.favouriteDetails();
  await appState.setFavouriteDetails(adding ? { ...details, [trackUrl]: track } : details);
  await loadLibraryPrefs();
  await recordAction(adding ? 'favourite' : 'unfavourite', trackUrl);
}
