/**
 * How wide artwork shows in each layout, for `<img sizes>`, so the browser picks the smallest
 * size in the release's srcset (common/artwork-srcset.ts) that stays sharp on the screen.
 */

/** A card in the library grid: two columns on phones, 170 px or more each in a page of at most 1100 px. */
export const CARD_ARTWORK_SIZES = '(max-width: 600px) calc(50vw - 24px), (max-width: 1100px) calc(25vw - 20px), 210px';

/**
 * Whether a card is the first item of its list: its image is then the page's largest paint, so it
 * is fetched at once with high priority instead of lazily after layout.
 */
export function leadsItsList(card: Element): boolean {
  const item = card.closest('li');
  return item !== null && item.previousElementSibling === null;
}
