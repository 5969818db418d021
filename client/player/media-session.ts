import type { QueueTrack } from './play-queue.js';

/**
 * The lock screen, the notification shade and hardware media keys (Media Session API): what is
 * playing, where in it, and which of our actions each button runs.
 */
export interface MediaSessionActions {
  readonly play: () => void;
  readonly pause: () => void;
  readonly previous: () => void;
  readonly next: () => void;
  readonly seekTo: (seconds: number) => void;
  readonly seekBy: (seconds: number) => void;
}

const supported = () => 'mediaSession' in navigator;

export function showOnMediaSession(track: QueueTrack | undefined): void {
  if (!supported()) return;
  navigator.mediaSession.metadata = track
    ? new MediaMetadata({
        title: track.title,
        artist: track.artist,
        album: track.releaseTitle,
        artwork: [{ src: track.artwork, sizes: '512x512', type: 'image/jpeg' }],
      })
    : null;
}

export function reportMediaSessionState(playing: boolean, position: number, duration: number, rate: number): void {
  if (!supported()) return;
  navigator.mediaSession.playbackState = playing ? 'playing' : 'paused';
  if (!Number.isFinite(duration) || duration <= 0) return;
  try {
    navigator.mediaSession.setPositionState({
      duration,
      position: Math.min(Math.max(position, 0), duration),
      playbackRate: rate || 1,
    });
  } catch {
    // a position the browser refuses (a race with a new track): the next update corrects it
  }
}

export function handleMediaSessionActions(actions: MediaSessionActions): void {
  if (!supported()) return;
  const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
    ['play', actions.play],
    ['pause', actions.pause],
    ['previoustrack', actions.previous],
    ['nexttrack', actions.next],
    ['seekbackward', (d) => actions.seekBy(-(d.seekOffset ?? 10))],
    ['seekforward', (d) => actions.seekBy(d.seekOffset ?? 10)],
    ['seekto', (d) => d.seekTime !== undefined && actions.seekTo(d.seekTime)],
  ];
  for (const [action, handler] of handlers) {
    try {
      navigator.mediaSession.setActionHandler(action, handler);
    } catch {
      // not every browser knows every action
    }
  }
}
