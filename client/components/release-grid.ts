import { css, html, type PropertyValues } from 'lit';
import { AppElement } from './app-element.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ReleaseSummary } from '#common/catalog-page';
import { downloads } from '../state/downloads-store.js';
import { StoreController } from '../state/store.js';
import { playabilityStores, whyReleaseIdNotPlayable } from '../player/playability.js';
import './release-card.js';

const MIN_CARD_WIDTH = 150;
const GAP = 16;
/** Rows rendered above and below the screen, so a fling or a Tab never meets an empty cell. */
const OVERSCAN_ROWS = 3;
/** Ask for the next page this many rows before the last loaded one reaches the screen. */
const PREFETCH_ROWS = 6;

/**
 * A grid of release cards of any length with only the rows on screen in the DOM: 100,000 releases
 * cost what one screen costs. Our own rather than @lit-labs/virtualizer (a labs package): every
 * card has the same height, so the geometry is two divisions, and the window stays the scroller
 * (the page's header, filters and mini-player scroll as they always did). Fires `load-more` when
 * the end of what is loaded comes near.
 */
export class ReleaseGrid extends AppElement {
  static override properties = {
    releases: { attribute: false },
    hasMore: { type: Boolean },
    label: {},
    range: { state: true },
    columns: { state: true },
    rowHeight: { state: true },
  };
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: ${GAP}px;
    }
    li {
      min-width: 0;
    }
  `;

  declare releases: readonly ReleaseSummary[];
  declare hasMore: boolean;
  declare label: string;
  declare range: { first: number; last: number };
  declare columns: number;
  /** A card's height plus the gap, measured from a rendered card. */
  declare rowHeight: number;

  readonly #resize = new ResizeObserver(() => this.#measure());
  #frame = 0;

  constructor() {
    super();
    new StoreController(this, [downloads, ...playabilityStores]);
    this.releases = [];
    this.hasMore = false;
    this.label = 'Releases';
    this.range = { first: 0, last: 8 };
    this.columns = 2;
    this.rowHeight = 280;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.#onScroll, { passive: true });
    window.addEventListener('resize', this.#onScroll, { passive: true });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.#onScroll);
    window.removeEventListener('resize', this.#onScroll);
    this.#resize.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  override render() {
    const rows = Math.ceil(this.releases.length / this.columns);
    const first = Math.min(this.range.first, rows);
    const last = Math.min(this.range.last, rows);
    const shown = this.releases.slice(first * this.columns, last * this.columns);
    const setSize = this.hasMore ? -1 : this.releases.length;
    // Films alone get poster-shaped cards; any album among them keeps every card square (one row height).
    const posters = this.releases.length > 0 && this.releases.every((r) => r.kind === 'movie');
    return html`<ul
      aria-label=${this.label}
      style="grid-template-columns: repeat(${this.columns}, minmax(0, 1fr)); padding-top: ${first * this.rowHeight}px;
        padding-bottom: ${Math.max(0, rows - last) * this.rowHeight}px"
    >
      ${repeat(
        shown,
        // Keyed: a card's element stays with its release as the window slides, so the link that has
        // focus (or is under a finger) never turns into another release's while the grid re-renders.
        (summary) => summary.id,
        (summary, i) =>
          html`<li aria-posinset=${first * this.columns + i + 1} aria-setsize=${setSize}>
            <release-card
              shape=${posters ? 'poster' : 'square'}
              .summary=${summary}
              .record=${downloads.value.get(summary.id)}
              ?unavailable=${Boolean(whyReleaseIdNotPlayable(summary.id))}
            ></release-card>
          </li>`,
      )}
    </ul>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('releases')) this.#update();
    this.#measureRow();
  }

  readonly #onScroll = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#update());
  };

  #measure(): void {
    const width = this.getBoundingClientRect().width;
    const columns = Math.max(2, Math.floor((width + GAP) / (MIN_CARD_WIDTH + GAP)));
    if (columns !== this.columns) this.columns = columns;
    this.#update();
  }

  /** Cards are all one height; the first one on screen says what it is now (fonts, width). */
  #measureRow(): void {
    const card = this.renderRoot.querySelector('li');
    const height = card ? card.getBoundingClientRect().height + GAP : 0;
    if (height > GAP && Math.abs(height - this.rowHeight) > 0.5) this.rowHeight = height;
  }

  #update(): void {
    const top = this.getBoundingClientRect().top;
    const firstVisible = Math.floor(Math.max(0, -top) / this.rowHeight);
    const lastVisible = Math.ceil(Math.max(0, window.innerHeight - top) / this.rowHeight);
    const first = Math.max(0, firstVisible - OVERSCAN_ROWS);
    const last = lastVisible + OVERSCAN_ROWS;
    if (first !== this.range.first || last !== this.range.last) this.range = { first, last };
    const rows = Math.ceil(this.releases.length / this.columns);
    if (this.hasMore && lastVisible + PREFETCH_ROWS >= rows) this.dispatchEvent(new Event('load-more'));
  }
}
customElements.define('release-grid', ReleaseGrid);

declare global {
  interface HTMLElementTagNameMap {
    'release-grid': ReleaseGrid;
  }
}
