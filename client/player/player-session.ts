import { createStore, get, set } from 'idb-keyval';
import { z } from 'zod';
import { DATABASES } from '#common/databases';
import { REPEAT_MODES, type PlayQueue } from './play-queue.js';

/**
 * What was playing, kept in IndexedDB so a reload or a relaunch comes back to it (paused): the
 * queue with its modes, the current track and the position in it.
 */
export interface PlayerSession {
  readonly queue: PlayQueue;
  readonly position: number;
}

const KEY = 'current';
const db = createStore(DATABASES.playerSession.database, DATABASES.playerSession.store);

// What is read back is checked: a session written by an older version must not break the player.
const text = z.string().max(2000);
const sessionSchema = z.object({
  queue: z.object({
    tracks: z
      .array(
        z.object({
          key: text,
          url: text,
          title: text,
          duration: z.number().nonnegative(),
          releaseId: text,
          releaseTitle: text,
          artist: text,
          artwork: text,
        }),
      )
      .max(10_000),
    current: z.number().int().min(-1),
    shuffle: z.boolean(),
    repeat: z.enum(REPEAT_MODES),
    unshuffled: z.array(text).max(10_000),
  }),
  position: z.number().nonnegative(),
});

export async function loadPlayerSession(): Promise<PlayerSession | undefined> {
  try {
    const parsed = sessionSchema.safeParse(await get(KEY, db));
    if (!parsed.success) return undefined;
    const { queue } = parsed.data;
    return queue.current < queue.tracks.length ? parsed.data : undefined;
  } catch {
    return undefined; // IndexedDB unavailable (some private modes): start with an empty player
  }
}

export async function savePlayerSession(session: PlayerSession): Promise<void> {
  try {
    await set(KEY, session, db);
  } catch {
    // as above: the session is a convenience, never a reason to stop playing
  }
}
