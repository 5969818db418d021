/**
 * How wide artwork shows in each layout, for `<img sizes>`, so the browser picks the smallest
 * size in the release's srcset (common/artwork-srcset.ts) that stays sharp on the screen.
 */

/** A card in the library grid (release-grid.ts): two columns on phones, 150 px or more each in a page of at most 1100 px. */
export const CARD_ARTWORK_SIZES = '(max-width: 600px) calc(50vw - 24px), (max-width: 1100px) calc(25vw - 20px), 210px';

/** Cards in a phone's first screen (two rows of two): their images may be the page's largest paint. */
const FIRST_SCREEN_CARDS = 4;

/**
 * Whether a card is among the first of its list: its image is then fetched at once with high
 * priority instead of lazily after layout. Equal cards tie for the largest paint, and Lighthouse
 * chose the third card's as often as the first's.
 */
export function opensItsList(card: Element): boolean {
  // The grid renders only the rows on screen: the list item says where in the whole list it is.
  const position = Number(card.closest('li')?.getAttribute('aria-posinset'));
  return position >= 1 && position <= FIRST_SCREEN_CARDS;
}
