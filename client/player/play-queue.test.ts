import { describe, expect, it } from 'vitest';
import {
  EMPTY_QUEUE,
  advance,
  append,
  back,
  clearUpNext,
  currentTrack,
  cycleRepeat,
  insertNext,
  move,
  remove,
  startQueue,
  toggleShuffle,
  upNext,
  type PlayQueue,
  type QueueTrack,
} from './play-queue.js';

const track = (key: string, releaseId = 'a'): QueueTrack => ({
  key,
  url: `/media/${releaseId}/${key}.webm`,
  title: key,
  duration: 200,
  releaseId,
  releaseTitle: releaseId,
  artist: 'Artist',
  artwork: `/media/${releaseId}/cover.jpg`,
});
const album = (releaseId: string, n: number) => Array.from({ length: n }, (_, i) => track(`${releaseId}${i + 1}`, releaseId));
const keys = (q: PlayQueue) => q.tracks.map((t) => t.key);
const now = (q: PlayQueue) => currentTrack(q)?.key;

/** A seeded generator, so a shuffle test fails the same way every time. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Plays the queue to its end (or `limit` tracks) and lists what played. */
function playThrough(queue: PlayQueue, limit: number, random = seeded(1)): string[] {
  const played = [now(queue) as string];
  let q = queue;
  while (played.length < limit) {
    const next = advance(q, 'ended', undefined, random);
    if (!next.playing) break;
    q = next.queue;
    played.push(now(q) as string);
  }
  return played;
}

describe('the order tracks play in', () => {
  it('plays an album from the chosen track to its end, then stops with repeat off', () => {
    const q = startQueue(EMPTY_QUEUE, album('a', 4), 1);
    expect(playThrough(q, 10)).toEqual(['a2', 'a3', 'a4']);
    const last = advance(startQueue(EMPTY_QUEUE, album('a', 2), 1), 'ended');
    expect(last.playing).toBe(false);
    expect(now(last.queue)).toBe('a2');
  });

  it('continues into another release that was added to the queue', () => {
    const q = append(startQueue(EMPTY_QUEUE, album('a', 2), 0), album('b', 2));
    expect(playThrough(q, 10)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('plays "Play next" tracks right after the current one, before the rest', () => {
    let q = startQueue(EMPTY_QUEUE, album('a', 3), 0);
    q = append(q, [track('x', 'x')]);
    q = insertNext(q, album('b', 2));
    expect(playThrough(q, 10)).toEqual(['a1', 'b1', 'b2', 'a2', 'a3', 'x']);
  });

  it('starts an empty queue with what is added to it', () => {
    expect(now(append(EMPTY_QUEUE, album('b', 2)))).toBe('b1');
    expect(now(insertNext(EMPTY_QUEUE, album('b', 2)))).toBe('b1');
  });

  it('passes over tracks that cannot play now', () => {
    const q = startQueue(EMPTY_QUEUE, album('a', 4), 0);
    const playable = (t: QueueTrack) => t.key !== 'a2' && t.key !== 'a3';
    const next = advance(q, 'skip', playable);
    expect(now(next.queue)).toBe('a4');
    expect(advance(next.queue, 'skip', playable).playing).toBe(false);
  });
});

describe('repeat', () => {
  it('cycles off → all → one → off', () => {
    const modes = [EMPTY_QUEUE];
    for (let i = 0; i < 3; i++) modes.push(cycleRepeat(modes.at(-1) as PlayQueue));
    expect(modes.map((q) => q.repeat)).toEqual(['off', 'all', 'one', 'off']);
  });

  it('repeat all starts again at the top after the last track', () => {
    const q = { ...startQueue(EMPTY_QUEUE, album('a', 3), 0), repeat: 'all' as const };
    expect(playThrough(q, 7)).toEqual(['a1', 'a2', 'a3', 'a1', 'a2', 'a3', 'a1']);
  });

  it('repeat one replays a track that ended, but Next still moves on', () => {
    const q = { ...startQueue(EMPTY_QUEUE, album('a', 3), 0), repeat: 'one' as const };
    expect(playThrough(q, 3)).toEqual(['a1', 'a1', 'a1']);
    expect(now(advance(q, 'skip').queue)).toBe('a2');
  });
});

describe('shuffle', () => {
  it('keeps the chosen track first and shuffles the rest', () => {
    const q = startQueue({ ...EMPTY_QUEUE, shuffle: true }, album('a', 8), 3, seeded(7));
    expect(now(q)).toBe('a4');
    expect([...keys(q)].sort()).toEqual(
      album('a', 8)
        .map((t) => t.key)
        .sort(),
    );
    expect(keys(q)).not.toEqual(['a4', 'a1', 'a2', 'a3', 'a5', 'a6', 'a7', 'a8']);
  });

  it('never repeats a track before every track has played, round after round (repeat all)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seeded(seed);
      const q = { ...startQueue({ ...EMPTY_QUEUE, shuffle: true }, album('a', 6), undefined, random), repeat: 'all' as const };
      const played = playThrough(q, 18, random);
      for (let round = 0; round < 3; round++) {
        expect(new Set(played.slice(round * 6, round * 6 + 6)).size, `seed ${seed}, round ${round}: ${played.join(' ')}`).toBe(6);
      }
      // A new round never opens with the track that closed the last one.
      expect(played[6]).not.toBe(played[5]);
      expect(played[12]).not.toBe(played[11]);
    }
  });

  it('turned on mid-album, shuffles only Up Next; turned off, goes back to album order after the current track', () => {
    let q = startQueue(EMPTY_QUEUE, album('a', 6), 0);
    q = advance(q, 'skip').queue; // a2 playing
    q = toggleShuffle(q, seeded(3));
    expect(now(q)).toBe('a2');
    expect(keys(q).slice(0, 2)).toEqual(['a1', 'a2']);
    expect([...upNext(q).map((t) => t.key)].sort()).toEqual(['a3', 'a4', 'a5', 'a6']);
    q = advance(q, 'skip').queue;
    const playing = now(q);
    q = toggleShuffle(q);
    expect(q.shuffle).toBe(false);
    expect(keys(q)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(now(q)).toBe(playing);
  });

  it('keeps tracks added while shuffled when shuffle is turned off', () => {
    let q = toggleShuffle(startQueue(EMPTY_QUEUE, album('a', 3), 0), seeded(5));
    q = insertNext(q, [track('n', 'n')]);
    q = append(q, [track('z', 'z')]);
    expect(upNext(q)[0]?.key).toBe('n');
    expect(keys(toggleShuffle(q))).toEqual(['a1', 'n', 'a2', 'a3', 'z']);
  });
});

describe('Previous', () => {
  const second = () => advance(startQueue(EMPTY_QUEUE, album('a', 3), 0), 'skip').queue;

  it('goes back one track in the first seconds', () => {
    const went = back(second(), 1.5);
    expect(went.restart).toBe(false);
    expect(now(went.queue)).toBe('a1');
  });

  it('restarts the track after 3 seconds', () => {
    const went = back(second(), 3.2);
    expect(went.restart).toBe(true);
    expect(now(went.queue)).toBe('a2');
  });

  it('restarts the first track instead of doing nothing', () => {
    const went = back(startQueue(EMPTY_QUEUE, album('a', 3), 0), 0.5);
    expect(went.restart).toBe(true);
    expect(now(went.queue)).toBe('a1');
  });
});

describe('editing Up Next', () => {
  const q = advance(startQueue(EMPTY_QUEUE, album('a', 5), 0), 'skip').queue; // a2 playing

  it('reorders within Up Next only', () => {
    expect(keys(move(q, 4, 2))).toEqual(['a1', 'a2', 'a5', 'a3', 'a4']);
    expect(move(q, 1, 3)).toBe(q); // the current track stays where it is
    expect(move(q, 0, 3)).toBe(q); // and so does history
  });

  it('removes an entry without changing what plays', () => {
    const removed = remove(q, 3);
    expect(keys(removed)).toEqual(['a1', 'a2', 'a3', 'a5']);
    expect(now(removed)).toBe('a2');
    expect(now(remove(q, 0))).toBe('a2');
    expect(remove(q, 1)).toBe(q);
  });

  it('clears Up Next and keeps playing the current track', () => {
    const cleared = clearUpNext(q);
    expect(now(cleared)).toBe('a2');
    expect(upNext(cleared)).toEqual([]);
    expect(advance(cleared, 'ended').playing).toBe(false);
  });
});
