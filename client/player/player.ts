import type { Release } from '#common/catalog';
import { releaseTracks } from '#common/release-facts';
import { recordAction } from '../background/outbox-sender.js';
import { serverReachable } from '../state/connectivity.js';
import { offlineMode } from '../state/offline-mode.js';
import { Store } from '../state/store.js';
import { handleMediaSessionActions, reportMediaSessionState, showOnMediaSession } from './media-session.js';
import * as playQueue from './play-queue.js';
import { EMPTY_QUEUE, currentTrack, type PlayQueue, type QueueTrack } from './play-queue.js';
import { canPlayNow, fileToPlay } from './playability.js';
import { loadPlayerSession, savePlayerSession } from './player-session.js';
import { queueTracksOf } from './queue-tracks.js';
import { recordPlayed } from './recently-played.js';
import { savePosition, savedPosition, trackResumes } from './resume-positions.js';

/**
 * The music player: one <audio> for the whole app (music keeps playing across pages), playing
 * the current track of the queue. Every control in the app calls these functions; the queue's
 * rules live in play-queue.ts.
 */
export interface Playback {
  readonly playing: boolean;
  readonly position: number;
  readonly duration: number;
  readonly error: string | undefined;
  /** A film is playing in the film player (it has its own <video>). */
  readonly moviePlaying: boolean;
}

export const queue = new Store<PlayQueue>(EMPTY_QUEUE);
export const playback = new Store<Playback>({ playing: false, position: 0, duration: 0, error: undefined, moviePlaying: false });
export const audio = new Audio();
audio.preload = 'metadata';

const notDownloaded = (track: QueueTrack) => `“${track.title}” is not downloaded, so it cannot play offline.`;
const setPlayback = (change: Partial<Playback>) => playback.update((p) => ({ ...p, ...change }));

/** Loads the queue's current track; `autoplay` starts it, else it waits paused at `startAt`. */
function loadCurrent(autoplay: boolean, startAt?: number): void {
  const track = currentTrack(queue.value);
  showOnMediaSession(track);
  if (!track) {
    audio.removeAttribute('src');
    audio.load();
    setPlayback({ playing: false, position: 0, duration: 0, error: undefined });
    return;
  }
  const at = startAt ?? (trackResumes(track.duration) ? savedPosition(track.url) : 0);
  setPlayback({ position: at, duration: track.duration, error: undefined });
  if (!canPlayNow(track.url)) {
    audio.pause();
    audio.removeAttribute('src');
    setPlayback({ playing: false, error: notDownloaded(track) });
    return;
  }
  const file = fileToPlay(track.url, track.renditions);
  if (!audio.src.endsWith(file) || audio.error) audio.src = file;
  audio.currentTime = at;
  if (autoplay) play();
}

function play(): void {
  const track = currentTrack(queue.value);
  if (!track) return;
  // A track loaded while it could stream may not play now (offline, or Offline mode turned on).
  if (!audio.getAttribute('src') || audio.error || !canPlayNow(track.url)) {
    loadCurrent(true, audio.getAttribute('src') ? audio.currentTime : playback.value.position);
    return;
  }
  void audio.play().then(
    () => {
      void recordAction('play', track.url).catch(() => undefined); // the server's "recently played"
      const { releaseId: id, releaseTitle: title, artist, artwork, artworkSrcset, url: playUrl, duration } = track;
      recordPlayed({ id, kind: 'album', title, artist, artwork, artworkSrcset, playUrl, duration });
    },
    (error: Error) => {
      // A load failure arrives as the element's own error event, with the app's sentence; the
      // promise's message is the browser's ("no supported source was found") and stays out of sight.
      if (error.name === 'NotAllowedError') setPlayback({ playing: false });
    },
  );
}

/** Replaces the queue with a release, from track `index` (or its start; a random track with shuffle on). */
export function playRelease(release: Release, index?: number): void {
  queue.set(playQueue.startQueue(queue.value, queueTracksOf(release), index));
  loadCurrent(true, 0);
}

/** Whether the queue's current track is this file of this release (the row shown as playing). */
export function isCurrentTrack(releaseId: string, url: string | undefined): boolean {
  const track = currentTrack(queue.value);
  return track !== undefined && track.releaseId === releaseId && track.url === url;
}

/** The play/pause button on a track row: toggles when that track is the current one. */
export function playOrPauseTrack(release: Release, index: number): void {
  if (isCurrentTrack(release.id, releaseTracks(release)[index]?.url)) togglePlay();
  else playRelease(release, index);
}

/** A release (or its track `index`) into the queue; an empty queue shows it, paused. */
function enqueue(add: (q: PlayQueue, tracks: readonly QueueTrack[]) => PlayQueue, release: Release, index?: number): void {
  const tracks = queueTracksOf(release);
  const wasEmpty = queue.value.current < 0;
  queue.set(add(queue.value, index === undefined ? tracks : tracks.slice(index, index + 1)));
  if (wasEmpty) loadCurrent(false, 0);
}

export const playNext = (release: Release, index?: number): void => enqueue(playQueue.insertNext, release, index);
export const addToQueue = (release: Release, index?: number): void => enqueue(playQueue.append, release, index);

export function togglePlay(): void {
  if (audio.paused) play();
  else audio.pause();
}

export function next(): void {
  const moved = playQueue.advance(queue.value, 'skip', (t) => canPlayNow(t.url));
  if (!moved.playing) {
    // Tracks are queued, but none of them can play now (offline, not downloaded): say so.
    if (playQueue.upNext(queue.value).length > 0) {
      setPlayback({ error: 'Nothing after this track is downloaded, so nothing else can play offline.' });
    }
    return;
  }
  const wasPlaying = !audio.paused;
  queue.set(moved.queue);
  loadCurrent(wasPlaying, 0);
}

export function previous(): void {
  const went = playQueue.back(queue.value, audio.currentTime, (t) => canPlayNow(t.url));
  if (went.restart) {
    seekTo(0);
    return;
  }
  const wasPlaying = !audio.paused;
  queue.set(went.queue);
  loadCurrent(wasPlaying, 0);
}

/** Plays the queue entry at `index` (a tap in the queue list). */
export function jumpTo(index: number): void {
  queue.set(playQueue.jumpTo(queue.value, index));
  loadCurrent(true, 0);
}

export function seekTo(seconds: number): void {
  if (!Number.isFinite(seconds)) return;
  const duration = Number.isFinite(audio.duration) ? audio.duration : playback.value.duration;
  const at = Math.max(0, Math.min(seconds, duration || seconds));
  if (audio.getAttribute('src')) audio.currentTime = at;
  setPlayback({ position: at });
}

export const seekBy = (seconds: number): void => seekTo(audio.currentTime + seconds);
export const toggleShuffle = (): void => queue.set(playQueue.toggleShuffle(queue.value));
export const cycleRepeat = (): void => queue.set(playQueue.cycleRepeat(queue.value));
export const moveInQueue = (from: number, to: number): void => queue.set(playQueue.move(queue.value, from, to));
export const removeFromQueue = (index: number): void => queue.set(playQueue.remove(queue.value, index));
export const clearUpNext = (): void => queue.set(playQueue.clearUpNext(queue.value));
export const setMoviePlaying = (moviePlaying: boolean): void => setPlayback({ moviePlaying });

const sync = () => {
  const duration = Number.isFinite(audio.duration) ? audio.duration : playback.value.duration;
  setPlayback({ playing: !audio.paused, position: audio.currentTime, duration });
  reportMediaSessionState(!audio.paused, audio.currentTime, duration, audio.playbackRate);
};

let lastSaved = 0;
function saveSession(): void {
  lastSaved = Date.now();
  void savePlayerSession({
    queue: queue.value,
    position: audio.getAttribute('src') ? audio.currentTime : playback.value.position,
  });
  const track = currentTrack(queue.value);
  if (track && trackResumes(track.duration)) savePosition(track.url, audio.currentTime, audio.duration);
}

audio.addEventListener('play', sync);
audio.addEventListener('pause', () => {
  sync();
  saveSession();
});
audio.addEventListener('loadedmetadata', sync);
audio.addEventListener('seeked', () => {
  sync();
  saveSession(); // a reload right after a seek comes back where the person seeked to
});
audio.addEventListener('timeupdate', () => {
  sync();
  if (Date.now() - lastSaved > 5000) saveSession();
});
audio.addEventListener('ended', () => {
  const moved = playQueue.advance(queue.value, 'ended', (t) => canPlayNow(t.url));
  if (moved.playing) {
    queue.set(moved.queue);
    loadCurrent(true, 0);
  } else {
    audio.currentTime = 0; // the queue ran out: ready to play its last track again
    sync();
  }
});
audio.addEventListener('error', () => {
  const track = currentTrack(queue.value);
  if (!track) return;
  setPlayback({
    playing: false,
    error: serverReachable.value
      ? `“${track.title}” cannot be played right now. Download it to play it offline.`
      : notDownloaded(track),
  });
});

/** Wires the player to the Media Session, keeps the session, and brings back the last one (paused). */
export async function startPlayer(): Promise<void> {
  handleMediaSessionActions({ play, pause: () => audio.pause(), previous, next, seekTo, seekBy });
  const session = await loadPlayerSession();
  // The person may have started something while the session was read: theirs wins.
  if (session && queue.value.current < 0) {
    queue.set(session.queue);
    const track = currentTrack(session.queue);
    if (track && canPlayNow(track.url)) {
      loadCurrent(false, session.position);
    } else {
      // Not playable now (offline, not downloaded): shown paused; Play says why, or plays once it can.
      showOnMediaSession(track);
      setPlayback({ position: session.position, duration: track?.duration ?? 0 });
    }
  }
  queue.subscribe(() => saveSession());
  // Offline mode on: nothing streams from then on, the track playing included. (A lost server
  // is left to the element: what is buffered plays on, and an error says why when it runs out.)
  offlineMode.subscribe(() => {
    const track = currentTrack(queue.value);
    if (track && !audio.paused && !canPlayNow(track.url)) {
      audio.pause();
      setPlayback({ error: notDownloaded(track) });
    }
  });
  addEventListener('pagehide', saveSession);
}
