import { css, html } from 'lit';
import { AppElement } from './app-element.js';
import { formatDuration } from '../format.js';
import { playback, seekTo } from '../player/player.js';
import { StoreController } from '../state/store.js';

/** The scrubber: elapsed time, a "Seek" slider, and the total (or, with `remaining`, the time left). */
export class SeekBar extends AppElement {
  static override properties = { remaining: { type: Boolean } };
  static override styles = css`
    :host {
      display: flex;
      gap: 0.5em;
      align-items: center;
      font-size: 0.8em;
      font-variant-numeric: tabular-nums;
    }
    input {
      flex: 1;
      min-width: 0;
      accent-color: var(--accent);
      min-height: 32px;
    }
    span {
      min-width: 3.2em;
    }
    span:last-child {
      text-align: right;
    }
  `;

  declare remaining: boolean;

  constructor() {
    super();
    new StoreController(this, [playback]);
    this.remaining = false;
  }

  override render() {
    const { position, duration } = playback.value;
    return html`<span>${formatDuration(position)}</span>
      <input
        type="range"
        min="0"
        max=${Math.max(1, Math.floor(duration))}
        step="1"
        .value=${String(Math.floor(position))}
        aria-label="Seek"
        aria-valuetext="${formatDuration(position)} of ${formatDuration(duration)}"
        @change=${(e: Event) => seekTo(Number((e.target as HTMLInputElement).value))}
      />
      <span>${this.remaining ? `-${formatDuration(Math.max(0, duration - position))}` : formatDuration(duration)}</span>`;
  }
}
customElements.define('seek-bar', SeekBar);

declare global {
  interface HTMLElementTagNameMap {
    'seek-bar': SeekBar;
  }
}
