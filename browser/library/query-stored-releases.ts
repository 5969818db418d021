import type { Release } from '#common/catalog';
import type { ReleasePage, ReleaseQuery, ReleaseSummary } from '#common/catalog-page';
import { foldText } from '#common/fold-text';
import { releaseTracks } from '#common/release-facts';

/** A release as this device holds it: always its summary, the whole release once it was opened or downloaded. */
export interface StoredRelease {
  readonly summary: ReleaseSummary;
  readonly release?: Release;
}

/** Cursors of offline answers: an offset into the stored releases, never confused with the server's. */
const OFFLINE_CURSOR = /^offline(\d{1,9})$/;

/**
 * The library API's answer made from releases this device holds: the SW's when the server is out
 * of reach, the page's for "Downloaded only". The same filters, sorts and search as the server. The server's order of
 * "recently added" is not stored, so offline it is newest release date first.
 */
export function queryStoredReleases(stored: readonly StoredRelease[], query: ReleaseQuery): ReleasePage {
  const offset = query.cursor === undefined ? 0 : offsetOf(query.cursor);
  if (offset === undefined) return { releases: [], next: null }; // a server cursor: its order is not here
  const words = query.q ? searchWords(query.q) : [];
  const matched = stored
    .filter(({ summary }) => (!query.kind || summary.kind === query.kind) && (!query.artist || summary.artistId === query.artist))
    .map((entry) => ({ entry, score: words.length ? scoreOf(entry, words) : 1 }))
    .filter(({ score }) => score > 0);
  matched.sort((a, b) => (query.sort === 'relevance' ? b.score - a.score : 0) || compare(query.sort, a.entry, b.entry));
  const page = matched.slice(offset, offset + query.limit).map(({ entry }) => entry.summary);
  const end = offset + page.length;
  return { releases: page, next: end < matched.length ? `offline${end}` : null };
}

function offsetOf(cursor: string): number | undefined {
  const match = OFFLINE_CURSOR.exec(cursor);
  return match ? Number(match[1]) : undefined;
}

const searchWords = (text: string): string[] =>
  foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Every word typed must begin a word of the title, the artist or a track title (the last word
 * may be half typed, like the server's prefix search); a word in the title counts most.
 */
function scoreOf({ summary, release }: StoredRelease, words: readonly string[]): number {
  const fields: [string[], number][] = [
    [searchWords(summary.title), 3],
    [searchWords(summary.artist), 2],
    [release ? releaseTracks(release).flatMap((t) => searchWords(t.title ?? '')) : [], 1],
  ];
  let score = 0;
  for (const word of words) {
    const best = Math.max(0, ...fields.map(([field, weight]) => (field.some((w) => w.startsWith(word)) ? weight : 0)));
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

function compare(sort: ReleaseQuery['sort'], a: StoredRelease, b: StoredRelease): number {
  const x = a.summary;
  const y = b.summary;
  const byTitle = foldText(x.title).localeCompare(foldText(y.title)) || x.id.localeCompare(y.id);
  if (sort === 'title') return byTitle;
  if (sort === 'artist') return foldText(x.artist).localeCompare(foldText(y.artist)) || byTitle;
  return y.releaseDate.localeCompare(x.releaseDate) || byTitle;
}
