import { createStore, get, set } from 'idb-keyval';
import { DATABASES } from '#common/databases';
import { REPEAT_MODES, type PlayQueue, type QueueTrack, type RepeatMode } from './play-queue.js';

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
// By hand rather than with zod, which would add about 25 KB (gzip) to the page's first load.
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 2000;
const TRACK_TEXT = ['key', 'url', 'title', 'releaseId', 'releaseTitle', 'artist', 'artwork'] as const;

function isQueueTrack(v: unknown): v is QueueTrack {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return (
    TRACK_TEXT.every((k) => isText(t[k])) &&
    (t.artworkSrcset === undefined || isText(t.artworkSrcset)) &&
    typeof t.duration === 'number' &&
    t.duration >= 0
  );
}

function isSession(v: unknown): v is PlayerSession {
  if (typeof v !== 'object' || v === null) return false;
  const { queue, position } = v as { queue?: Record<string, unknown>; position?: unknown };
  if (!queue || typeof position !== 'number' || !(position >= 0)) return false;
  const { tracks, current, shuffle, repeat, unshuffled } = queue;
  return (
    Array.isArray(tracks) &&
    tracks.every(isQueueTrack) &&
    Number.isInteger(current) &&
    (current as number) >= -1 &&
    (current as number) < tracks.length &&
    typeof shuffle === 'boolean' &&
    REPEAT_MODES.includes(repeat as RepeatMode) &&
    Array.isArray(unshuffled) &&
    unshuffled.every(isText)
  );
}

export async function loadPlayerSession(): Promise<PlayerSession | undefined> {
  try {
    const stored: unknown = await get(KEY, db);
    return isSession(stored) ? stored : undefined;
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
