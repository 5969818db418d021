import type { Release } from './catalog.js';
import type { ReleaseSummary } from './catalog-page.js';

/**
 * A release's artwork as an `<img srcset>`: every artwork part that gives its width, smallest
 * first (`url 160w, url 320w, …`); '' when none does, and the browser takes `artwork` alone.
 * A summary carries the string ready made.
 */
export function artworkSrcset(release: Release | ReleaseSummary): string {
  if (!('parts' in release)) return release.artworkSrcset ?? '';
  return release.parts
    .flatMap((part) => (part.role === 'artwork' && part.width ? [{ url: part.url, width: part.width }] : []))
    .sort((a, b) => a.width - b.width)
    .map(({ url, width }) => `${url} ${width}w`)
    .join(', ');
}

/**
 * How wide a card's artwork shows in the library grid (client/components/release-grid.ts), for
 * `<img sizes>`, so the browser picks the smallest size in the srcset that stays sharp: two columns
 * on phones, 150 px or more each in a page of at most 1100 px. The server's preload of the first
 * cards' artwork (server/http/first-screen-preloads.ts) must ask for the same size, or the browser
 * fetches it twice.
 */
export const CARD_ARTWORK_SIZES = '(max-width: 600px) calc(50vw - 24px), (max-width: 1100px) calc(25vw - 20px), 210px';

/**
 * How wide the artwork shows at the top of a release's page (client/components/release-view.ts);
 * the server's preload for a first visit to that page asks for the same size.
 */
export const RELEASE_ARTWORK_SIZES = '(max-width: 600px) 200px, 280px';

/** Cards in a phone's first screen (two rows of two): their images may be the page's largest paint. */
export const FIRST_SCREEN_CARDS = 4;
