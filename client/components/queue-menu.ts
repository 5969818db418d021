import { css, html } from 'lit';
import { PagePart } from './page-part.js';
import type { Release } from '#common/catalog';
import { addToQueue, playNext } from '../player/player.js';
import { showToast } from '../state/toast.js';
import { icon } from './icons.js';
import { sharedStyles } from './shared-styles.js';

let menus = 0;

/**
 * "Play next" and "Add to queue" for a whole release or one of its tracks (`index`), behind a
 * "More" button. A popover: Escape and a tap outside close it, and focus goes back to the button.
 */
export class QueueMenu extends PagePart {
  static override properties = { release: { attribute: false }, index: { attribute: false }, label: {} };
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      .trigger {
        border-color: transparent;
        background: transparent;
      }
      [popover] {
        margin: 0;
        padding: 0.4em;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--surface);
        color: var(--text);
        box-shadow: var(--shadow);
        min-width: 12em;
      }
      [popover] button {
        display: flex;
        width: 100%;
        justify-content: start;
        border: 0;
        border-radius: 8px;
        background: transparent;
      }
      [popover] button:hover {
        background: var(--surface-2);
      }
    `,
  ];

  declare release: Release;
  declare index: number | undefined;
  /** What the menu is for, in the button's name: "More for Low Tide". */
  declare label: string;
  readonly #id = `queue-menu-${++menus}`;

  override render() {
    return html`<button class="icon trigger" popovertarget=${this.#id} aria-label="More for ${this.label}">
        ${icon('more')}
      </button>
      <div popover id=${this.#id} @toggle=${this.#placed} aria-label="${this.label}: queue">
        <button @click=${() => this.#do(playNext, 'Playing next')}>${icon('playNext')} Play next</button>
        <button @click=${() => this.#do(addToQueue, 'Added to queue')}>${icon('addToQueue')} Add to queue</button>
      </div>`;
  }

  #do(action: (release: Release, index?: number) => void, done: string): void {
    action(this.release, this.index);
    this.renderRoot.querySelector<HTMLElement>('[popover]')?.hidePopover();
    showToast(`${done}: ${this.label}`);
  }

  /** Opens beside its button, kept inside the viewport (the top layer ignores the layout). */
  #placed(event: ToggleEvent): void {
    if (event.newState !== 'open') {
      // Closed by Escape, a tap outside or a choice: focus goes back to the ⋮ button, not to <body>.
      const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
      const lost =
        document.activeElement === document.body || (active !== null && (event.target as HTMLElement).contains(active));
      if (lost) this.renderRoot.querySelector<HTMLElement>('.trigger')?.focus();
      return;
    }
    const menu = event.target as HTMLElement;
    const button = this.renderRoot.querySelector('.trigger')?.getBoundingClientRect();
    if (!button) return;
    const { width, height } = menu.getBoundingClientRect();
    const left = Math.max(8, Math.min(button.right - width, innerWidth - width - 8));
    const below = button.bottom + 4;
    const top = below + height > innerHeight - 8 ? Math.max(8, button.top - height - 4) : below;
    menu.style.position = 'fixed';
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
    menu.querySelector('button')?.focus();
  }
}
customElements.define('queue-menu', QueueMenu);

declare global {
  interface HTMLElementTagNameMap {
    'queue-menu': QueueMenu;
  }
}
