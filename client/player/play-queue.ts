import type { Quality } from '#common/renditions';
/**
 * The play queue as plain data and pure functions (no DOM, no audio): what plays now, what plays
 * next, shuffle and repeat. The player (client/player/player.ts) holds one and plays its current
 * track; the unit tests drive these functions directly.
 */

/** One entry in the queue: everything needed to show and play it without a catalog. */
export interface QueueTrack {
  /** Unique within a queue (the same song can be queued twice). */
  readonly key: string;
  readonly url: string;
  readonly title: string;
  /** Seconds, from the catalog. */
  readonly duration: number;
  readonly releaseId: string;
  readonly releaseTitle: string;
  readonly artist: string;
  readonly artwork: string;
  /** The artwork's sizes (common/artwork-srcset.ts), for the small pictures; absent in sessions saved before it. */
  readonly artworkSrcset?: string;
  /** The file of each quality the track offers (common/renditions.ts): streaming picks the person's. */
  readonly renditions?: Partial<Record<Quality, string>>;
}

export const REPEAT_MODES = ['off', 'all', 'one'] as const;
export type RepeatMode = (typeof REPEAT_MODES)[number];

export interface PlayQueue {
  /** In the order they play; everything after `current` is Up Next. */
  readonly tracks: readonly QueueTrack[];
  /** Index of the track playing (or paused), -1 when the queue is empty. */
  readonly current: number;
  readonly shuffle: boolean;
  readonly repeat: RepeatMode;
  /** With shuffle on: the keys in the order they had before, so turning it off restores it. */
  readonly unshuffled: readonly string[];
}

export type Random = () => number;
/** Whether a track can play now (offline, only downloaded ones can). */
export type Playable = (track: QueueTrack) => boolean;
const always: Playable = () => true;

/** Seconds into a track after which Previous restarts it rather than going back. */
export const RESTART_AFTER_SECONDS = 3;

export const EMPTY_QUEUE: PlayQueue = { tracks: [], current: -1, shuffle: false, repeat: 'off', unshuffled: [] };

export const currentTrack = (queue: PlayQueue): QueueTrack | undefined => queue.tracks[queue.current];
export const upNext = (queue: PlayQueue): readonly QueueTrack[] => queue.tracks.slice(queue.current + 1);

/** Fisher–Yates: every order equally likely. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A new queue of `tracks` (an album, say), keeping the shuffle and repeat modes. With shuffle on,
 * the chosen track plays first (a random one when none was chosen) and the rest follow shuffled.
 */
export function startQueue(
  previous: PlayQueue,
  tracks: readonly QueueTrack[],
  startIndex: number | undefined,
  random: Random = Math.random,
): PlayQueue {
  if (tracks.length === 0) return { ...previous, tracks: [], current: -1, unshuffled: [] };
  const start = Math.min(Math.max(startIndex ?? 0, 0), tracks.length - 1);
  if (!previous.shuffle) return { ...previous, tracks, current: start, unshuffled: [] };
  const first = startIndex === undefined ? Math.floor(random() * tracks.length) : start;
  const rest = shuffled(
    tracks.filter((_, i) => i !== first),
    random,
  );
  return { ...previous, tracks: [tracks[first] as QueueTrack, ...rest], current: 0, unshuffled: tracks.map((t) => t.key) };
}

/** "Play next": right after the current track. An empty queue starts with them. */
export function insertNext(queue: PlayQueue, tracks: readonly QueueTrack[]): PlayQueue {
  if (queue.current < 0) return startQueue(queue, tracks, 0);
  const at = queue.current + 1;
  const unshuffledAt = queue.unshuffled.indexOf(currentTrack(queue)?.key ?? '') + 1;
  return {
    ...queue,
    tracks: [...queue.tracks.slice(0, at), ...tracks, ...queue.tracks.slice(at)],
    unshuffled: queue.shuffle
      ? [...queue.unshuffled.slice(0, unshuffledAt), ...tracks.map((t) => t.key), ...queue.unshuffled.slice(unshuffledAt)]
      : [],
  };
}

/** "Add to queue": at the end. An empty queue starts with them. */
export function append(queue: PlayQueue, tracks: readonly QueueTrack[]): PlayQueue {
  if (queue.current < 0) return startQueue(queue, tracks, 0);
  return {
    ...queue,
    tracks: [...queue.tracks, ...tracks],
    unshuffled: queue.shuffle ? [...queue.unshuffled, ...tracks.map((t) => t.key)] : [],
  };
}

function firstPlayable(tracks: readonly QueueTrack[], from: number, step: 1 | -1, playable: Playable): number {
  for (let i = from; i >= 0 && i < tracks.length; i += step) if (playable(tracks[i] as QueueTrack)) return i;
  return -1;
}

export interface Advanced {
  readonly queue: PlayQueue;
  /** False when the queue has run out (repeat off): the player stops on the last track. */
  readonly playing: boolean;
}

/**
 * After a track ends (`ended`) or the person presses Next (`skip`). Repeat one replays a track
 * that ended, but Next still moves on; repeat all starts again at the top, reshuffled when shuffle
 * is on, so no track repeats before every track has played. Tracks that cannot play are passed over.
 */
export function advance(
  queue: PlayQueue,
  reason: 'ended' | 'skip',
  playable: Playable = always,
  random: Random = Math.random,
): Advanced {
  if (queue.current < 0) return { queue, playing: false };
  if (reason === 'ended' && queue.repeat === 'one') return { queue, playing: true };
  const next = firstPlayable(queue.tracks, queue.current + 1, 1, playable);
  if (next >= 0) return { queue: { ...queue, current: next }, playing: true };
  if (queue.repeat !== 'all') return { queue, playing: false };
  const round = queue.shuffle ? reshuffleRound(queue, random) : queue;
  const first = firstPlayable(round.tracks, 0, 1, playable);
  return first >= 0 ? { queue: { ...round, current: first }, playing: true } : { queue, playing: false };
}

/** A new shuffled round that does not open with the track that just played. */
function reshuffleRound(queue: PlayQueue, random: Random): PlayQueue {
  const last = currentTrack(queue);
  const order = shuffled(queue.tracks, random);
  if (order.length > 1 && order[0] === last) [order[0], order[1]] = [order[1] as QueueTrack, order[0] as QueueTrack];
  return { ...queue, tracks: order };
}

export interface WentBack {
  readonly queue: PlayQueue;
  /** True when the current track should start again from 0:00 instead. */
  readonly restart: boolean;
}

/** Previous: restarts the track after a few seconds in, or on the first track; else goes back one. */
export function back(queue: PlayQueue, positionSeconds: number, playable: Playable = always): WentBack {
  if (positionSeconds > RESTART_AFTER_SECONDS) return { queue, restart: true };
  const previous = firstPlayable(queue.tracks, queue.current - 1, -1, playable);
  return previous >= 0 ? { queue: { ...queue, current: previous }, restart: false } : { queue, restart: true };
}

/** Plays the track at `index` now (from the queue list). */
export function jumpTo(queue: PlayQueue, index: number): PlayQueue {
  return index >= 0 && index < queue.tracks.length ? { ...queue, current: index } : queue;
}

/** Moves an Up Next entry to another place in Up Next; the current track and history stay put. */
export function move(queue: PlayQueue, from: number, to: number): PlayQueue {
  const inUpNext = (i: number) => i > queue.current && i < queue.tracks.length;
  if (!inUpNext(from) || !inUpNext(to) || from === to) return queue;
  const tracks = [...queue.tracks];
  const [moved] = tracks.splice(from, 1);
  tracks.splice(to, 0, moved as QueueTrack);
  return { ...queue, tracks };
}

/** Removes one entry that is not the current track. */
export function remove(queue: PlayQueue, index: number): PlayQueue {
  if (index === queue.current || index < 0 || index >= queue.tracks.length) return queue;
  const key = queue.tracks[index]?.key;
  return {
    ...queue,
    tracks: queue.tracks.filter((_, i) => i !== index),
    current: index < queue.current ? queue.current - 1 : queue.current,
    unshuffled: queue.unshuffled.filter((k) => k !== key),
  };
}

/** Empties Up Next; what is playing keeps playing. */
export function clearUpNext(queue: PlayQueue): PlayQueue {
  const kept = new Set(queue.tracks.slice(0, queue.current + 1).map((t) => t.key));
  return { ...queue, tracks: queue.tracks.slice(0, queue.current + 1), unshuffled: queue.unshuffled.filter((k) => kept.has(k)) };
}

/**
 * Shuffle on: Up Next is shuffled, the current track keeps playing. Shuffle off: the queue goes
 * back to its order from before, continuing after the current track.
 */
export function toggleShuffle(queue: PlayQueue, random: Random = Math.random): PlayQueue {
  if (queue.shuffle) {
    const byKey = new Map(queue.tracks.map((t) => [t.key, t]));
    const tracks = queue.unshuffled.flatMap((key) => byKey.get(key) ?? []);
    const current = tracks.findIndex((t) => t.key === currentTrack(queue)?.key);
    return { ...queue, shuffle: false, tracks, current, unshuffled: [] };
  }
  const played = queue.tracks.slice(0, queue.current + 1);
  return {
    ...queue,
    shuffle: true,
    tracks: [...played, ...shuffled(upNext(queue), random)],
    unshuffled: queue.tracks.map((t) => t.key),
  };
}

/** The repeat button: off → all → one → off. */
export function cycleRepeat(queue: PlayQueue): PlayQueue {
  const next = REPEAT_MODES[(REPEAT_MODES.indexOf(queue.repeat) + 1) % REPEAT_MODES.length] as RepeatMode;
  return { ...queue, repeat: next };
}
