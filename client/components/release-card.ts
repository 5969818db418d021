import { LitElement, css, html } from 'lit';
import type { Release } from '#common/catalog';
import { releaseBytes } from '#common/release-facts';
import type { DownloadRecord } from '#common/download-ledger';
import { PAGES } from '#common/routes';
import { artworkSrcset } from '#common/artwork-srcset';
import { formatBytes } from '../format.js';
import { CARD_ARTWORK_SIZES, opensItsList } from './artwork-sizes.js';
import './download-status.js';
import { sharedStyles } from './shared-styles.js';

/** One release in the catalog grid: artwork, title, artist, kind, size and offline state. */
export class ReleaseCard extends LitElement {
  static override properties = {
    release: { attribute: false },
    record: { attribute: false },
    unavailable: { type: Boolean, reflect: true },
  };
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      /* Offline and not downloaded: it cannot play, and looks it before anyone opens it. */
      :host([unavailable]) img {
        opacity: 0.45;
        filter: grayscale(0.6);
      }
      a {
        display: flex;
        flex-direction: column;
        height: 100%;
        text-decoration: none;
        overflow: hidden;
      }
      img {
        width: 100%;
        aspect-ratio: 1;
        height: auto;
        object-fit: cover;
        background: var(--surface-2);
      }
      .body {
        padding: 0.75em;
        display: grid;
        gap: 0.25em;
      }
      h3 {
        font-size: 1.05em;
        margin: 0;
      }
      .meta {
        font-size: 0.85em;
      }
      .kind {
        text-transform: uppercase;
        letter-spacing: 0.05em;
        font-size: 0.75em;
        font-weight: 700;
        color: var(--accent);
      }
    `,
  ];

  declare release: Release;
  declare record: DownloadRecord | undefined;
  declare unavailable: boolean;

  override render() {
    const r = this.release;
    return html`<a class="card" href=${PAGES.release(r.id)}>
      <img
        src=${r.artwork}
        srcset=${artworkSrcset(r)}
        sizes=${CARD_ARTWORK_SIZES}
        alt=""
        loading=${opensItsList(this) ? 'eager' : 'lazy'}
        fetchpriority=${opensItsList(this) ? 'high' : 'auto'}
        width="512"
        height="512"
      />
      <div class="body">
        <span class="kind">${r.kind}</span>
        <h3>${r.title}</h3>
        <span class="muted">${r.artist}</span>
        <span class="meta muted">${formatBytes(releaseBytes(r))}</span>
        <download-status .record=${this.record}></download-status>
      </div>
    </a>`;
  }
}
customElements.define('release-card', ReleaseCard);

declare global {
  interface HTMLElementTagNameMap {
    'release-card': ReleaseCard;
  }
}
