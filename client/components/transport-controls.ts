import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { cycleRepeat, next, playback, previous, queue, togglePlay, toggleShuffle } from '../player/player.js';
import { StoreController } from '../state/store.js';
import { icon } from './icons.js';
import { sharedStyles } from './shared-styles.js';

// The name says the mode, so a screen reader hears "Repeat one, pressed" rather than only "pressed".
const REPEAT_LABEL = { off: 'Repeat', all: 'Repeat all', one: 'Repeat one' } as const;

/**
 * Previous, play/pause and next (and, with `modes`, shuffle and repeat as toggle buttons): the
 * same buttons in the mini-player and on Now Playing.
 */
export class TransportControls extends AppElement {
  static override properties = { modes: { type: Boolean }, large: { type: Boolean, reflect: true } };
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 0.25em;
      }
      :host([large]) {
        gap: 0.75em;
      }
      :host([large]) .play {
        min-width: 64px;
        min-height: 64px;
      }
      button {
        border-color: transparent;
        background: transparent;
      }
      button.play {
        background: var(--accent);
        color: var(--accent-text);
      }
      button[aria-pressed='true'] {
        color: var(--accent);
        background: var(--surface-2);
      }
    `,
  ];

  declare modes: boolean;
  declare large: boolean;

  constructor() {
    super();
    new StoreController(this, [playback, queue]);
    this.modes = false;
    this.large = false;
  }

  override render() {
    const { playing } = playback.value;
    const { shuffle, repeat } = queue.value;
    const size = this.large ? 32 : 24;
    return html`${
        this.modes
          ? html`<button class="icon" aria-label="Shuffle" aria-pressed=${String(shuffle)} @click=${toggleShuffle}>
              ${icon('shuffle')}
            </button>`
          : nothing
      }
      <button class="icon" aria-label="Previous track" @click=${previous}>${icon('previous', size)}</button>
      <button class="icon play" aria-label=${playing ? 'Pause' : 'Play'} @click=${togglePlay}>
        ${icon(playing ? 'pause' : 'play', size)}
      </button>
      <button class="icon" aria-label="Next track" @click=${next}>${icon('next', size)}</button>
      ${
        this.modes
          ? html`<button
              class="icon"
              aria-label=${REPEAT_LABEL[repeat]}
              title=${REPEAT_LABEL[repeat]}
              aria-pressed=${String(repeat !== 'off')}
              @click=${cycleRepeat}
            >
              ${icon(repeat === 'one' ? 'repeatOne' : 'repeat')}
            </button>`
          : nothing
      }`;
  }
}
customElements.define('transport-controls', TransportControls);

declare global {
  interface HTMLElementTagNameMap {
    'transport-controls': TransportControls;
  }
}
