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
