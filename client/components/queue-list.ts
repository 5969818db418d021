import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { formatDuration } from '../format.js';
import { upNext } from '../player/play-queue.js';
import { clearUpNext, jumpTo, moveInQueue, queue, removeFromQueue } from '../player/player.js';
import { playabilityStores, whyNotPlayable } from '../player/playability.js';
import { StoreController } from '../state/store.js';
import { icon } from './icons.js';
import { sharedStyles } from './shared-styles.js';

/**
 * Up Next: what plays after the current track, in order. Each entry plays on a tap and moves up
 * or down with buttons (which work with a keyboard and a screen reader, unlike drag and drop).
 */
export class QueueList extends AppElement {
  static override styles = [
    sharedStyles,
    css`
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1em;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: center;
        gap: 0.25em;
        border-bottom: 1px solid var(--border);
      }
      li.unplayable .play {
        opacity: 0.55;
      }
      button.play {
        justify-content: start;
        text-align: left;
        border: 0;
        border-radius: 8px;
        background: transparent;
        padding: 0.4em 0.5em;
        min-width: 0;
      }
      .play span {
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .play .title {
        display: grid;
        min-width: 0;
      }
      .edit {
        display: flex;
      }
      .edit button {
        border-color: transparent;
        background: transparent;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [queue, ...playabilityStores]);
  }

  override render() {
    const q = queue.value;
    const rest = upNext(q);
    const first = q.current + 1;
    return html`<header>
        <h2 id="up-next">Up next</h2>
        ${rest.length > 0 ? html`<button @click=${clearUpNext}>Clear</button>` : nothing}
      </header>
      ${
        rest.length === 0
          ? html`<p class="muted">Nothing queued. Use “Play next” or “Add to queue” on any album or track.</p>`
          : html`<ol aria-labelledby="up-next">
              ${rest.map((track, i) => {
                const index = first + i;
                const why = whyNotPlayable(track.url);
                return html`<li class=${why ? 'unplayable' : ''} data-key=${track.key}>
                  <button class="play" ?disabled=${Boolean(why)} @click=${() => jumpTo(index)}>
                    <span class="visually-hidden">Play </span>
                    <span class="title">
                      <span>${track.title}</span>
                      <span class="muted">${why ?? `${track.artist} · ${formatDuration(track.duration)}`}</span>
                    </span>
                  </button>
                  <span class="edit">
                    <button
                      class="icon"
                      aria-label="Move ${track.title} up"
                      ?disabled=${i === 0}
                      data-move="up"
                      @click=${() => this.#move(track.key, index, index - 1, 'up')}
                    >
                      ${icon('up')}
                    </button>
                    <button
                      class="icon"
                      aria-label="Move ${track.title} down"
                      ?disabled=${i === rest.length - 1}
                      data-move="down"
                      @click=${() => this.#move(track.key, index, index + 1, 'down')}
                    >
                      ${icon('down')}
                    </button>
                    <button class="icon" aria-label="Remove ${track.title} from the queue" @click=${() => removeFromQueue(index)}>
                      ${icon('close')}
                    </button>
                  </span>
                </li>`;
              })}
            </ol>`
      }`;
  }

  /** Moves an entry, and keeps focus on the entry that moved (not on whatever took its place). */
  async #move(key: string, from: number, to: number, direction: 'up' | 'down'): Promise<void> {
    moveInQueue(from, to);
    await this.updateComplete;
    const row = this.renderRoot.querySelector(`li[data-key="${CSS.escape(key)}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`button[data-move="${direction}"]`);
    (same && !same.disabled ? same : row?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'))?.focus();
  }
}
customElements.define('queue-list', QueueList);

declare global {
  interface HTMLElementTagNameMap {
    'queue-list': QueueList;
  }
}
