import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Release } from '#common/catalog';
import { audio, setMoviePlaying } from '../state/player.js';
import { savePosition, savedPosition } from '../state/resume-positions.js';
import { sharedStyles } from './shared-styles.js';

type ShakaPlayer = InstanceType<(typeof import('shaka-player/dist/shaka-player.dash.js'))['default']['Player']>;

/**
 * The full player for movies: shaka-player on a <video>, loaded only when a film is played so the
 * first load stays small. It fetches the manifest and segments from their catalog URLs, which the
 * SW answers from the media cache when the movie is downloaded (no second copy in shaka's storage).
 *
 * @fires close - the person closed the player
 */
export class MoviePlayer extends LitElement {
  static override properties = { release: { attribute: false }, error: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-top: 1.5em;
      }
      .frame {
        background: #000;
        border-radius: var(--radius);
        overflow: hidden;
      }
      video {
        display: block;
        width: 100%;
        max-height: 75vh;
        aspect-ratio: 16 / 9;
      }
      .bar {
        display: flex;
        justify-content: space-between;
        align-items: center;
        margin-bottom: 0.5em;
      }
    `,
  ];

  declare release: Release;
  declare error: string;
  #player: ShakaPlayer | undefined;
  #manifestUrl = '';

  constructor() {
    super();
    this.error = '';
  }

  override render() {
    return html`<section aria-label="Movie player">
      <div class="bar">
        <h2>Now showing: ${this.release.title}</h2>
        <button @click=${this.#close}>Close player</button>
      </div>
      <div class="frame">
        <video controls playsinline poster=${this.release.artwork} aria-label=${this.release.title}></video>
      </div>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  protected override async firstUpdated(_changed: PropertyValues): Promise<void> {
    const video = this.renderRoot.querySelector('video') as HTMLVideoElement;
    const manifest = this.release.parts.find((p) => p.role === 'manifest');
    if (!manifest) return;
    this.#manifestUrl = manifest.url;
    audio.pause();
    try {
      const { default: shaka } = await import('shaka-player/dist/shaka-player.dash.js');
      shaka.polyfill.installAll();
      if (!shaka.Player.isBrowserSupported()) throw new Error('this browser cannot play DASH video');
      const player = new shaka.Player();
      this.#player = player;
      await player.attach(video);
      player.configure({ streaming: { retryParameters: { maxAttempts: 2, timeout: 10_000 } } });
      await player.load(manifest.url, savedPosition(manifest.url) || undefined);
      const text = player.getTextTracks()[0];
      if (text) {
        player.selectTextTrack(text);
        await player.setTextTrackVisibility(true);
      }
      video.addEventListener('play', () => setMoviePlaying(true));
      video.addEventListener('pause', () => {
        setMoviePlaying(false);
        savePosition(manifest.url, video.currentTime, video.duration);
      });
      await video.play().catch(() => undefined); // autoplay may be refused; the controls remain
      (this.renderRoot.querySelector('video') as HTMLVideoElement).focus();
    } catch (error) {
      const code = (error as { code?: number }).code;
      this.error = `The movie cannot play${code ? ` (error ${code})` : ''}. Download it to watch it offline.`;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const video = this.renderRoot.querySelector('video');
    if (video && this.#manifestUrl) savePosition(this.#manifestUrl, video.currentTime, video.duration);
    setMoviePlaying(false);
    void this.#player?.destroy();
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
