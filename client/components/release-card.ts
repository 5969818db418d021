import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import type { ReleaseSummary } from '#common/catalog-page';
import { bytesExpected, type DownloadRecord } from '#common/download-ledger';
import { PAGES } from '#common/routes';
import { artworkSrcset, CARD_ARTWORK_SIZES } from '#common/artwork-srcset';
import { opensItsList } from './opens-its-list.js';
import { KIND_LABEL } from '../format.js';
import { icon } from './icons.js';
import { sharedStyles } from './shared-styles.js';

/**
 * One release in a grid: artwork, title, artist (a link to the artist's page) and a line of
 * facts. Offline state shows only where it says something: a badge once downloaded, a bar while
 * downloading. Every card in a grid has the same height (one line per text), which the grid
 * relies on: a film shows its poster's 2:3 shape framed in the square slot among albums, and fills
 * a 2:3 slot when the grid holds films only (`shape="poster"`).
 */
export class ReleaseCard extends AppElement {
  // Cards enter the grid as it scrolls: each renders with the grid, never blank under a tap.
  static override yieldsBeforeFirstRender = false;
  static override properties = {
    summary: { attribute: false },
    record: { attribute: false },
    unavailable: { type: Boolean, reflect: true },
    shape: { reflect: true },
  };
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
      }
      /* Offline and not downloaded: it cannot play, and looks it before anyone opens it. */
      :host([unavailable]) img {
        opacity: 0.45;
        filter: grayscale(0.6);
      }
      a.release {
        display: block;
        text-decoration: none;
      }
      .art {
        position: relative;
        display: block;
      }
      img {
        display: block;
        width: 100%;
        aspect-ratio: 1;
        height: auto;
        object-fit: cover;
        border-radius: var(--radius);
        background: var(--surface-2);
      }
      /* A film among albums: a poster in a dark frame, the card keeps the grid's square. */
      .art.framed {
        aspect-ratio: 1;
        display: flex;
        justify-content: center;
        border-radius: var(--radius);
        background: #10131c;
        overflow: hidden;
      }
      .art.framed img {
        width: auto;
        height: 100%;
        aspect-ratio: 2 / 3;
        border-radius: 0;
      }
      :host([shape='poster']) img {
        aspect-ratio: 2 / 3;
      }
      .badge {
        position: absolute;
        right: 6px;
        bottom: 6px;
        display: inline-flex;
        padding: 3px;
        border-radius: 999px;
        background: var(--ok);
        color: var(--bg);
      }
      progress {
        position: absolute;
        left: 6px;
        right: 6px;
        bottom: 6px;
        width: calc(100% - 12px);
        height: 6px;
        accent-color: var(--accent);
      }
      h3,
      .line {
        margin: 0;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        line-height: 1.35;
      }
      h3 {
        font-size: 1em;
        margin-top: 0.45em;
      }
      /* 24 px high at least: a touch target next to the release's own link (WCAG 2.5.8, Lighthouse). */
      a.artist {
        display: block;
        line-height: 24px;
        color: var(--text-muted);
        text-decoration: none;
      }
      a.artist:hover {
        text-decoration: underline;
      }
      .facts {
        font-size: 0.8em;
        color: var(--text-muted);
      }
    `,
  ];

  declare summary: ReleaseSummary;
  declare record: DownloadRecord | undefined;
  declare unavailable: boolean;
  /** The artwork slot: square (albums, or a mixed grid) or poster-shaped (a grid of films only). */
  declare shape: 'square' | 'poster';

  constructor() {
    super();
    this.shape = 'square';
  }

  override render() {
    const r = this.summary;
    const first = opensItsList(this);
    return html`<a class="release" href=${PAGES.release(r.id)}>
        <span class="art ${r.kind === 'movie' && this.shape === 'square' ? 'framed' : ''}">
          <img
            src=${r.artwork}
            srcset=${artworkSrcset(r)}
            sizes=${CARD_ARTWORK_SIZES}
            alt=""
            loading=${first ? 'eager' : 'lazy'}
            fetchpriority=${first ? 'high' : 'auto'}
            width="512"
            height="512"
          />
          ${this.#state()}
        </span>
        <h3>${r.title}</h3>
      </a>
      <a class="artist line" href=${PAGES.artist(r.artistId)}>${r.artist}</a>
      <p class="facts line">${KIND_LABEL[r.kind]} · ${r.releaseDate.slice(0, 4)}</p>`;
  }

  #state() {
    const record = this.record;
    if (!record) return nothing;
    if (record.state === 'done') {
      return html`<span class="badge" role="img" aria-label="Downloaded">${icon('check', 14)}</span>`;
    }
    if (record.state === 'downloading' || record.state === 'verifying') {
      const total = bytesExpected(record);
      return html`<progress max=${total} .value=${record.bytesReceived} aria-label="Downloading"></progress>`;
    }
    return nothing;
  }
}
customElements.define('release-card', ReleaseCard);

declare global {
  interface HTMLElementTagNameMap {
    'release-card': ReleaseCard;
  }
}
