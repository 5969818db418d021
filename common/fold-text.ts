/**
 * Text as search and sorting compare it: compatibility-decomposed, accents and other combining
 * marks dropped, lower case. "Élan", "elan" and "ÉLAN" fold alike, so A–Z puts them together and
 * a search without accents finds them (SQLite's FTS5 `remove_diacritics 2` folds the same way).
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
