import { foldText } from './fold-text.js';

const MAX_LENGTH = 64;

/**
 * The artist's id in URLs (`/artists/<id>`): the folded name, letters and digits of any script
 * kept, everything else one hyphen. "Sigur Rós" and "sigur ros" are one artist, `sigur-ros`.
 * A name with no letter or digit at all ("!!!") gets a short hash of itself, so it still has one.
 */
export function artistIdOf(name: string): string {
  const folded = foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code points, not UTF-16 units, so a name in an astral script is never split mid-letter.
  const slug = [...folded].slice(0, MAX_LENGTH).join('').replace(/-+$/, '');
  return slug || `artist-${fnv1a(name.trim())}`;
}

/** Matches what artistIdOf can return: what an artist URL may name. */
export const ARTIST_ID_PATTERN = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?$/u;

// Not a security hash: it only has to tell names apart, and the same in every runtime.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
