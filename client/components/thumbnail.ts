import { html, nothing } from 'lit';

/** What a small picture of a release needs: its artwork and, when it has several sizes, their srcset. */
export interface ArtworkOf {
  readonly artwork: string;
  readonly artworkSrcset?: string;
}

/**
 * A release's artwork as a fixed-size square (mini-player, lists, the downloads page). With the
 * srcset and `sizes` at the square's own width, the browser takes the 160 px file for a 48–112 px
 * picture instead of the 512 px one (Lighthouse: "properly size images").
 */
export function thumbnail(art: ArtworkOf, px: number, loading: 'lazy' | 'eager' = 'eager') {
  return html`<img
    src=${art.artwork}
    srcset=${art.artworkSrcset || nothing}
    sizes=${art.artworkSrcset ? `${px}px` : nothing}
    alt=""
    width=${px}
    height=${px}
    loading=${loading}
  />`;
}
