import type { Part, Release } from '#common/catalog';
import { savePosition, savedPosition } from './resume-positions.js';
import { recordAction } from '../background/outbox-sender.js';
import { Store } from './store.js';

export interface PlayerState {
  readonly release: Release | undefined;
  readonly trackIndex: number;
  readonly playing: boolean;
  readonly position: number;
  readonly duration: number;
  readonly error: string | undefined;
  /** A movie is playing in the full player (it has its own <video>). */
  readonly moviePlaying: boolean;
}

export const player = new Store<PlayerState>({
  release: undefined,
  trackIndex: 0,
  playing: false,
  position: 0,
  duration: 0,
  error: undefined,
  moviePlaying: false,
});

/** One <audio> element for the whole app, so music keeps playing across pages. */
export const audio = new Audio();
audio.preload = 'metadata';

const tracksOf = (release: Release | undefined): Part[] => release?.parts.filter((p) => p.role === 'track') ?? [];
const currentTrack = (): Part | undefined => tracksOf(player.value.release)[player.value.trackIndex];

export function playTrack(release: Release, trackIndex: number): void {
  const track = tracksOf(release)[trackIndex];
  if (!track) return;
  player.update((s) => ({ ...s, release, trackIndex, error: undefined, position: 0, duration: track.duration ?? 0 }));
  audio.src = track.url;
  const resumeAt = savedPosition(track.url);
  if (resumeAt > 0) audio.currentTime = resumeAt;
  void audio.play().catch((error: Error) => {
    if (error.name !== 'AbortError') player.update((s) => ({ ...s, error: `Could not play: ${error.message}` }));
  });
  updateMediaSession(release, track);
  void recordAction('play', track.url).catch(() => undefined); // the server's "recently played"
}

export function togglePlay(): void {
  if (!audio.src) return;
  if (audio.paused) void audio.play();
  else audio.pause();
}

export function skip(delta: number): void {
  const { release, trackIndex } = player.value;
  if (release && tracksOf(release)[trackIndex + delta]) playTrack(release, trackIndex + delta);
}

export function seekTo(seconds: number): void {
  if (Number.isFinite(seconds)) audio.currentTime = Math.max(0, Math.min(seconds, audio.duration || seconds));
}

export const setMoviePlaying = (moviePlaying: boolean): void => player.update((s) => ({ ...s, moviePlaying }));

const sync = () =>
  player.update((s) => ({
    ...s,
    playing: !audio.paused,
    position: audio.currentTime,
    duration: Number.isFinite(audio.duration) ? audio.duration : s.duration,
  }));
audio.addEventListener('play', sync);
audio.addEventListener('pause', () => {
  sync();
  const track = currentTrack();
  if (track) savePosition(track.url, audio.currentTime, audio.duration);
});
audio.addEventListener('loadedmetadata', sync);
audio.addEventListener('timeupdate', () => {
  sync();
  const track = currentTrack();
  if (track && Math.floor(audio.currentTime) % 5 === 0) savePosition(track.url, audio.currentTime, audio.duration);
  if ('mediaSession' in navigator && Number.isFinite(audio.duration)) {
    navigator.mediaSession.setPositionState({
      duration: audio.duration,
      position: audio.currentTime,
      playbackRate: audio.playbackRate,
    });
  }
});
audio.addEventListener('ended', () => {
  const track = currentTrack();
  if (track) savePosition(track.url, 0, audio.duration);
  skip(1);
});
audio.addEventListener('error', () => {
  player.update((s) => ({
    ...s,
    playing: false,
    error: 'This track cannot be played right now. Download it to play it offline.',
  }));
});

/** Lock screen, notification shade and keyboard media keys. */
function updateMediaSession(release: Release, track: Part): void {
  if (!('mediaSession' in navigator)) return;
  navigator.mediaSession.metadata = new MediaMetadata({
    title: track.title ?? release.title,
    artist: release.artist,
    album: release.title,
    artwork: [{ src: release.artwork, sizes: '512x512', type: 'image/jpeg' }],
  });
}

export function installMediaSessionHandlers(): void {
  if (!('mediaSession' in navigator)) return;
  const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
    ['play', () => void audio.play()],
    ['pause', () => audio.pause()],
    ['previoustrack', () => skip(-1)],
    ['nexttrack', () => skip(1)],
    ['seekbackward', (d) => seekTo(audio.currentTime - (d.seekOffset ?? 10))],
    ['seekforward', (d) => seekTo(audio.currentTime + (d.seekOffset ?? 10))],
    ['seekto', (d) => seekTo(d.seekTime ?? audio.currentTime)],
  ];
  for (const [action, handler] of handlers) {
    try {
      navigator.mediaSession.setActionHandler(action, handler);
    } catch {
      // not every browser knows every action
    }
  }
}
