import { artworkSrcset, CARD_ARTWORK_SIZES, FIRST_SCREEN_CARDS } from '#common/artwork-srcset';
import { PAGES } from '#common/routes';
import type { CatalogStore } from '../storage/catalog-store.js';

/** The characters that end or break an HTML attribute value. */
const escapeAttribute = (text: string) =>
  text.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

/**
 * `<link rel="preload">` tags for the artwork of the library's first cards, for the page the
 * server sends on a first visit: that artwork is the first screen's largest paint, and without
 * them the browser learns of it only after the app's script has run and fetched the catalog, one
 * round trip after another (Lighthouse: "LCP request discovery"). Each asks for the same srcset
 * and sizes as the card (release-card.ts), so the card's <img> takes the preloaded file.
 * The library opens newest first (client/state/library-list.ts); later visits get the SW's copy
 * of the page, without these, and the artwork from its cache. Only the library's own address gets
 * them: a first visit to another page shows no cards, and the images would compete with its script.
 */
export async function firstScreenPreloads(catalog: Pick<CatalogStore, 'listReleases'>, pagePath: string): Promise<string> {
  if (pagePath !== PAGES.catalog) return '';
  const { releases } = await catalog.listReleases({ sort: 'added', limit: FIRST_SCREEN_CARDS });
  return releases
    .map((release) => {
      const srcset = artworkSrcset(release);
      const responsive = srcset ? ` imagesrcset="${escapeAttribute(srcset)}" imagesizes="${CARD_ARTWORK_SIZES}"` : '';
      return `<link rel="preload" as="image" href="${escapeAttribute(release.artwork)}"${responsive} fetchpriority="high">`;
    })
    .join('');
}
