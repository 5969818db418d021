import { appState, type FollowPreference } from '#browser/state/app-state';
import { recordAction } from '../background/outbox-sender.js';
import { Store } from './store.js';

export interface LibraryPrefs {
  readonly follows: Readonly<Record<string, FollowPreference>>;
  readonly favourites: ReadonlySet<string>;
}

/** Followed artists and favourite tracks: kept on the device, and sent to the server (via the outbox). */
export const libraryPrefs = new Store<LibraryPrefs>({ follows: {}, favourites: new Set() });

export async function loadLibraryPrefs(): Promise<void> {
  libraryPrefs.set({ follows: await appState.follows(), favourites: new Set(await appState.favourites()) });
}

export async function setFollow(artist: string, preference: FollowPreference | undefined): Promise<void> {
  const wasFollowing = artist in libraryPrefs.value.follows;
  await appState.setFollow(artist, preference);
  await loadLibraryPrefs();
  if (wasFollowing !== (preference !== undefined)) await recordAction(preference ? 'follow' : 'unfollow', artist);
}

export async function toggleFavourite(trackUrl: string): Promise<void> {
  const favourites = new Set(libraryPrefs.value.favourites);
  const adding = !favourites.has(trackUrl);
  if (adding) favourites.add(trackUrl);
  else favourites.delete(trackUrl);
  await appState.setFavourites([...favourites]);
  await loadLibraryPrefs();
  await recordAction(adding ? 'favourite' : 'unfavourite', trackUrl);
}
