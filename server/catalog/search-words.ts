import { foldText } from '#common/fold-text';

/** What separates words: anything that is not a letter or digit (the index splits text alike). */
export const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

/** More words than this narrow a search no further in practice, and each one costs a lookup. */
const MAX_WORDS = 8;

/**
 * The words of a search as the index holds them: folded (no accents, lower case) and split on
 * anything that is not a letter or digit. Only letters and digits reach the FTS5 query, so
 * nothing a person types can be read as FTS5 syntax.
 */
export function searchWords(q: string): string[] {
  return foldText(q).split(WORD_SEPARATORS).filter(Boolean).slice(0, MAX_WORDS);
}
