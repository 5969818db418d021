/**
 * Letters that carry their mark inside them: Unicode does not decompose them, so they are spelled
 * out as a person without them on the keyboard would type them.
 */
const LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/**
 * Text as search and sorting compare it: compatibility-decomposed, accents and other combining
 * marks dropped, lower case, and the few letters that do not decompose spelled out. "Élan", "elan"
 * and "ÉLAN" fold alike, "Ødegaard" and "odegaard" too, so A–Z puts them together and a search
 * typed without accents finds them.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(LETTER_PATTERN, (letter) => LETTERS[letter] ?? letter);
}
