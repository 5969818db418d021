import { artworkSrcset, CARD_ARTWORK_SIZES, FIRST_SCREEN_CARDS, RELEASE_ARTWORK_SIZES } from '#common/artwork-srcset';
import type { Release } from '#common/catalog';
import type { ReleaseSummary } from '#common/catalog-page';
import { parseRoute } from '#common/page-route';
import type { CatalogStore } from '../storage/catalog-store.js';

/** The characters that end or break an HTML attribute value. */
const escapeAttribute = (text: string) =>
  text.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

/** One release's artwork, in the srcset and sizes its `<img>` on that page asks for. */
function artworkPreload(release: Release | ReleaseSummary, sizes: string): string {
  const srcset = artworkSrcset(release);
  const responsive = srcset ? ` imagesrcset="${escapeAttribute(srcset)}" imagesizes="${sizes}"` : '';
  return `<link rel="preload" as="image" href="${escapeAttribute(release.artwork)}"${responsive} fetchpriority="high">`;
}

/**
 * `<link rel="preload">` tags for the artwork a page opens with, for the page the server sends on
 * a first visit: that artwork is the first screen's largest paint, and without them the browser
 * learns of it only after the app's script has run and fetched the release or the list, one round
 * trip after another (Lighthouse: "LCP request discovery"). Each asks for the same srcset and sizes
 * as the `<img>` (release-card.ts, release-view.ts), so the image takes the preloaded file.
 * The library's first cards (it opens newest first, client/state/library-list.ts) and a release's
 * own artwork get one; other pages show no artwork at the top, and an image would compete with
 * their script. Later visits get the SW's copy of the page, without these, and the artwork from
 * its cache.
 */
export async function firstScreenPreloads(
  catalog: Pick<CatalogStore, 'listReleases' | 'get'>,
  pagePath: string,
): Promise<string> {
  const page = parseRoute(pagePath);
  if (page.name === 'catalog') {
    const { releases } = await catalog.listReleases({ sort: 'added', limit: FIRST_SCREEN_CARDS });
    return releases.map((release) => artworkPreload(release, CARD_ARTWORK_SIZES)).join('');
  }
  if (page.name === 'release') {
    const release = await catalog.get(page.id);
    return release ? artworkPreload(release, RELEASE_ARTWORK_SIZES) : '';
  }
  return '';
}
