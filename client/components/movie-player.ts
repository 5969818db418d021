import { html, nothing, type PropertyValues } from 'lit';
import { AppElement } from './app-element.js';
import type { Release } from '#common/catalog';
import { renditionUrls } from '#common/renditions';
import { formatDuration } from '../format.js';
import { takeKeyboard } from '../player/keyboard-shortcuts.js';
import { audio, setMoviePlaying } from '../player/player.js';
import { appState } from '#browser/state/app-state';
import { cleanUpDownloads } from '../downloads/storage-cleanup.js';
import { fileToPlay } from '../player/playability.js';
import { recordReleasePlayed } from '../player/recently-played.js';
import { savePosition, savedPosition } from '../player/resume-positions.js';
import { icon } from './icons.js';
import { moviePlayerStyles } from './movie-player-styles.js';
import { sharedStyles } from './shared-styles.js';

type ShakaPlayer = InstanceType<(typeof import('shaka-player/dist/shaka-player.dash.js'))['default']['Player']>;

const SUBTITLE_SIZES = [
  { name: 'Small', scale: 0.8 },
  { name: 'Medium', scale: 1.1 },
  { name: 'Large', scale: 1.5 },
] as const;
const SUBTITLE_SIZE_KEY = 'stowaway:subtitle-size';
const SKIP_SECONDS = 10;

/** Phones watch full screen from the first tap; elsewhere the player fills the window, and a button goes full screen. */
const fullScreenFirst = () => matchMedia('(max-width: 720px), (pointer: coarse)').matches;

/**
 * The film player: a modal <dialog> that fills the window (full screen on phones), shaka-player on
 * a <video>, and our own controls (±10 s, subtitles on/off and size, full screen). shaka is loaded
 * only when a film plays. It fetches the manifest and segments from their catalog URLs, which the
 * SW answers from the media cache when the film is downloaded.
 *
 * Subtitles are drawn by shaka's UITextDisplayer in our own container: its default native display
 * adds a <track src="data:,WEBVTT">, which the CSP (media-src without data:) rightly refuses.
 *
 * @fires close - the person closed the player
 */
export class MoviePlayer extends AppElement {
  static override properties = {
    release: { attribute: false },
    error: { state: true },
    playing: { state: true },
    time: { state: true },
    duration: { state: true },
    subtitles: { state: true },
    subtitleSize: { state: true },
    fullScreen: { state: true },
    hasSubtitles: { state: true },
    ended: { state: true },
  };
  static override styles = [sharedStyles, moviePlayerStyles];

  declare release: Release;
  declare error: string;
  declare playing: boolean;
  declare time: number;
  declare duration: number;
  declare subtitles: boolean;
  declare subtitleSize: number;
  declare fullScreen: boolean;
  declare hasSubtitles: boolean;
  declare ended: boolean;
  #player: ShakaPlayer | undefined;
  #manifestUrl = '';
  #lastSaved = 0;
  #giveBackKeyboard: (() => void) | undefined;

  constructor() {
    super();
    this.error = '';
    this.playing = false;
    this.time = 0;
    this.duration = 0;
    this.subtitles = true;
    this.subtitleSize = Number(localStorage.getItem(SUBTITLE_SIZE_KEY) ?? 1) % SUBTITLE_SIZES.length || 1;
    this.fullScreen = false;
    this.hasSubtitles = false;
    this.ended = false;
  }

  get #video(): HTMLVideoElement {
    return this.renderRoot.querySelector('video') as HTMLVideoElement;
  }

  override render() {
    const size = SUBTITLE_SIZES[this.subtitleSize] ?? SUBTITLE_SIZES[1];
    // Full screen goes to .screen: browsers refuse it for a <dialog> itself.
    return html`<dialog aria-label="Playing ${this.release.title}" @cancel=${this.#onCancel}>
      <div class="screen">
        <div class="bar top">
          <h2>${this.release.title}</h2>
          <button class="icon" aria-label="Close player" @click=${this.#close}>${icon('close')}</button>
        </div>
        <div class="stage" style="--subtitle-scale: ${size.scale}" @click=${this.#togglePlay}>
          <div class="frame"><video playsinline poster=${this.release.artwork} aria-label=${this.release.title}></video></div>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="bar controls">
          <button
            class="icon"
            aria-label=${this.playing ? 'Pause' : this.ended ? 'Watch again' : 'Play'}
            @click=${this.#togglePlay}
          >
            ${icon(this.playing ? 'pause' : 'play')}
          </button>
          <button class="icon" aria-label="Back ${SKIP_SECONDS} seconds" @click=${() => this.#seekBy(-SKIP_SECONDS)}>
            ${icon('back10')}
          </button>
          <button class="icon" aria-label="Forward ${SKIP_SECONDS} seconds" @click=${() => this.#seekBy(SKIP_SECONDS)}>
            ${icon('forward10')}
          </button>
          <span class="seek">
            <span>${formatDuration(this.time)}</span>
            <input
              type="range"
              min="0"
              max=${Math.max(1, Math.floor(this.duration))}
              .value=${String(Math.floor(this.time))}
              aria-label="Seek"
              aria-valuetext="${formatDuration(this.time)} of ${formatDuration(this.duration)}"
              @change=${(e: Event) => this.#seekTo(Number((e.target as HTMLInputElement).value))}
            />
            <span>-${formatDuration(Math.max(0, this.duration - this.time))}</span>
          </span>
          ${
            this.hasSubtitles
              ? html`<button
                    class="icon"
                    aria-label="Subtitles"
                    aria-pressed=${String(this.subtitles)}
                    @click=${this.#toggleSubtitles}
                  >
                    ${icon('subtitles')}
                  </button>
                  <button
                    class="icon"
                    aria-label="Subtitle size: ${size.name}"
                    title="Subtitle size: ${size.name}"
                    @click=${this.#nextSize}
                  >
                    ${icon('textSize')}
                  </button>`
              : nothing
          }
          <button class="icon" aria-label="Full screen" aria-pressed=${String(this.fullScreen)} @click=${this.#toggleFullScreen}>
            ${icon(this.fullScreen ? 'exitFullscreen' : 'fullscreen')}
          </button>
        </div>
      </div>
    </dialog>`;
  }

  protected override async firstUpdated(_changed: PropertyValues): Promise<void> {
    const dialog = this.renderRoot.querySelector('dialog') as HTMLDialogElement;
    dialog.showModal();
    // Still inside the Watch tap's user activation, which full screen needs.
    if (fullScreenFirst()) void this.#enterFullScreen();
    document.addEventListener('fullscreenchange', this.#onFullScreenChange);
    this.#giveBackKeyboard = takeKeyboard({ togglePlay: () => this.#togglePlay(), seekBy: (s) => this.#seekBy(s) });
    const video = this.#video;
    const manifest = this.release.parts.find((p) => p.role === 'manifest');
    if (!manifest) return;
    this.#manifestUrl = manifest.url;
    recordReleasePlayed(this.release);
    audio.pause();
    this.#watch(video);
    (this.renderRoot.querySelector('.controls button') as HTMLButtonElement).focus();
    try {
      const { default: shaka } = await import('shaka-player/dist/shaka-player.dash.js');
      shaka.polyfill.installAll();
      if (!shaka.Player.isBrowserSupported()) throw new Error('this browser cannot play DASH video');
      const player = new shaka.Player();
      this.#player = player;
      player.setVideoContainer(this.renderRoot.querySelector('.frame') as HTMLElement);
      await player.attach(video);
      player.configure({ streaming: { retryParameters: { maxAttempts: 2, timeout: 10_000 } } });
      // The stored quality's manifest (only its video), else the streaming one; the catalog URL stays the identity.
      await player.load(fileToPlay(manifest.url, renditionUrls(manifest)), savedPosition(manifest.url) || undefined);
      const text = player.getTextTracks()[0];
      this.hasSubtitles = Boolean(text);
      if (text) {
        player.selectTextTrack(text);
        await player.setTextTrackVisibility(this.subtitles);
      }
      await video.play().catch(() => undefined); // autoplay may be refused; Play is there
    } catch (error) {
      const code = (error as { code?: number }).code;
      this.error = `The film cannot play${code ? ` (error ${code})` : ''}. Download it to watch it offline.`;
    }
  }

  #watch(video: HTMLVideoElement): void {
    const sync = () => {
      this.playing = !video.paused;
      this.ended = video.ended;
      this.time = video.currentTime;
      if (Number.isFinite(video.duration)) this.duration = video.duration;
    };
    for (const type of ['loadedmetadata', 'seeked', 'durationchange']) video.addEventListener(type, sync);
    video.addEventListener('play', () => {
      sync();
      setMoviePlaying(true);
    });
    video.addEventListener('pause', () => {
      sync();
      setMoviePlaying(false);
      this.#savePosition();
    });
    video.addEventListener('timeupdate', () => {
      sync();
      if (Date.now() - this.#lastSaved > 5000) this.#savePosition();
    });
    video.addEventListener('ended', () => {
      sync();
      savePosition(this.#manifestUrl, video.duration, video.duration); // watched: forgotten
      void appState.recordWatchedAt(this.release.id, Date.now()).catch(() => undefined); // for cleanup
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    });
  }

  #savePosition(): void {
    const video = this.#video;
    this.#lastSaved = Date.now();
    if (video && this.#manifestUrl && !video.ended) savePosition(this.#manifestUrl, video.currentTime, video.duration);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#savePosition();
    setMoviePlaying(false);
    this.#giveBackKeyboard?.();
    document.removeEventListener('fullscreenchange', this.#onFullScreenChange);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    void this.#player?.destroy();
    void cleanUpDownloads().catch(() => undefined); // a film watched to the end may go now
  }

  #togglePlay(): void {
    const video = this.#video;
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
  }

  #seekTo(seconds: number): void {
    const video = this.#video;
    const end = Number.isFinite(video.duration) ? video.duration : seconds;
    video.currentTime = Math.max(0, Math.min(seconds, end));
    this.time = video.currentTime;
  }

  #seekBy(seconds: number): void {
    this.#seekTo(this.#video.currentTime + seconds);
  }

  #toggleSubtitles(): void {
    this.subtitles = !this.subtitles;
    void this.#player?.setTextTrackVisibility(this.subtitles);
  }

  #nextSize(): void {
    this.subtitleSize = (this.subtitleSize + 1) % SUBTITLE_SIZES.length;
    localStorage.setItem(SUBTITLE_SIZE_KEY, String(this.subtitleSize));
  }

  async #enterFullScreen(): Promise<void> {
    const screenElement = this.renderRoot.querySelector('.screen');
    try {
      await screenElement?.requestFullscreen({ navigationUI: 'hide' });
      // Films are wide: a phone turns to landscape where the browser lets us (installed apps, mostly).
      await (screen.orientation as ScreenOrientation & { lock?: (o: string) => Promise<void> }).lock?.('landscape');
    } catch {
      // refused (no user activation, or no full screen here): the player still fills the window
    }
  }

  #toggleFullScreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void this.#enterFullScreen();
  }

  readonly #onFullScreenChange = () => {
    this.fullScreen = document.fullscreenElement !== null;
  };

  /** Escape leaves full screen first (the browser does that), then closes the player. */
  #onCancel(event: Event): void {
    event.preventDefault();
    this.#close();
  }

  #close(): void {
    this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }));
  }
}
customElements.define('movie-player', MoviePlayer);

declare global {
  interface HTMLElementTagNameMap {
    'movie-player': MoviePlayer;
  }
}
