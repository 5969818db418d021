import { FIRST_SCREEN_CARDS } from '#common/artwork-srcset';

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
