import { LRUCache } from 'lru-cache';
import type { ReleaseList, ReleaseListQuery, ReleasePosition } from './catalog-store.js';
import { RankedMatches } from './ranked-matches.js';

/**
 * What the SQLite and PostgreSQL release lists share: the keyset sorts (the same columns and
 * indexes in both schemas), the page arithmetic, and the point-in-time rankings of searches.
 * Each dialect adds only its full-text match, its score, and how it runs a statement.
 * SQL here uses `?` placeholders; PostgreSQL numbers them (numberedPlaceholders).
 */
export type KeysetSort = Exclude<ReleasePosition['sort'], 'relevance'>;
type KeysetPosition = Extract<ReleasePosition, { sort: KeysetSort }>;

export interface KeyRow {
  readonly seq: number;
  readonly title_key: string;
  readonly artist_key: string;
}

/**
 * A search ranks at most this many matches, the newest: bm25 costs a few microseconds a match, and
 * a word as common as "the" or a two-letter prefix matches tens of thousands of releases (10,000
 * candidates made the bench's typed searches 25 ms at p95 over 100,000 releases; 2,000 about 6 ms).
 * A search that broad has no useful ranking anyway; sorted by title or artist, it lists every match.
 */
export const SEARCH_CANDIDATES = 2_000;

/** Rankings kept for later pages (ranked-matches.ts): at most 32 MB of them, each for 10 minutes. */
const RANKINGS_BYTES = 32 * 2 ** 20;
const RANKING_TTL_MS = 10 * 60_000;

/** How each keyset sort orders rows, and the condition that starts a page after a position. */
export const SORTS: Readonly<Record<KeysetSort, { order: string; after: string; keys: (p: KeysetPosition) => unknown[] }>> = {
  added: { order: 'r.seq DESC', after: 'r.seq < ?', keys: (p) => [p.seq] },
  title: {
    order: 'r.title_key, r.seq',
    after: '(r.title_key, r.seq) > (?, ?)',
    keys: (p) => (p.sort === 'title' ? [p.titleKey, p.seq] : []),
  },
  artist: {
    order: 'r.artist_key, r.title_key, r.seq',
    after: '(r.artist_key, r.title_key, r.seq) > (?, ?, ?)',
    keys: (p) => (p.sort === 'artist' ? [p.artistKey, p.titleKey, p.seq] : []),
  },
};

const positionOf = (sort: KeysetSort, row: KeyRow): KeysetPosition =>
  sort === 'added'
    ? { sort, seq: row.seq }
    : sort === 'title'
      ? { sort, titleKey: row.title_key, seq: row.seq }
      : { sort, artistKey: row.artist_key, titleKey: row.title_key, seq: row.seq };

/** SQL conditions and their parameters, built from the filters a query has. */
export function conditions() {
  const where: string[] = [];
  const params: unknown[] = [];
  return {
    params,
    add(condition: string, ...values: unknown[]) {
      where.push(condition);
      params.push(...values);
    },
    get sql() {
      return where.length ? `WHERE ${where.join(' AND ')}` : '';
    },
  };
}

/**
 * The keyset query of a page: `matching` is the dialect's subquery of the seqs a search matches
 * (one `?`, the match expression). Returns the SQL and its parameters, limit last.
 */
export function keysetQuery(
  query: ReleaseListQuery,
  sort: KeysetSort,
  search: { readonly matching: string; readonly expression: string } | undefined,
  columns: string,
) {
  const where = conditions();
  if (search) where.add(`r.seq IN (${search.matching})`, search.expression);
  if (query.kind) where.add('r.kind = ?', query.kind);
  if (query.artistId) where.add('r.artist_id = ?', query.artistId);
  if (query.after && query.after.sort === sort) where.add(SORTS[sort].after, ...SORTS[sort].keys(query.after));
  const sql = `SELECT ${columns} FROM catalog_releases r ${where.sql} ORDER BY ${SORTS[sort].order} LIMIT ?`;
  return { sql, params: [...where.params, query.limit + 1] };
}

/** The page of rows a keyset query returned (one more than the limit tells there is a next page). */
export function keysetPage<Row extends KeyRow>(rows: readonly Row[], query: ReleaseListQuery, sort: KeysetSort) {
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { page, next: rows.length > query.limit && last ? positionOf(sort, last) : undefined };
}

/**
 * The ranking query of a search: the dialect's `candidates` selects `seq` and `score` (lower is
 * better) of the newest SEARCH_CANDIDATES matches, its parameters being the match expression and
 * the newest seq; the kind and artist filters apply to those candidates.
 */
export function rankingQuery(query: ReleaseListQuery, candidates: string, expression: string, newest: number) {
  const where = conditions();
  where.params.push(expression, newest);
  if (query.kind) where.add('r.kind = ?', query.kind);
  if (query.artistId) where.add('r.artist_id = ?', query.artistId);
  const sql = `SELECT s.seq, s.score FROM (${candidates}) s
               ${query.kind || query.artistId ? 'JOIN catalog_releases r ON r.seq = s.seq' : ''}
               ${where.sql} ORDER BY s.score, s.seq`;
  return { sql, params: where.params };
}

/** Rankings kept between a search's pages, keyed by the search and the newest seq it saw. */
export function rankingCache() {
  const rankings = new LRUCache<string, RankedMatches>({
    maxSize: RANKINGS_BYTES,
    sizeCalculation: (ranked) => Math.max(1, ranked.bytes),
    ttl: RANKING_TTL_MS,
  });
  return {
    key: (query: ReleaseListQuery, words: readonly string[], newest: number) =>
      JSON.stringify([words, query.kind, query.artistId, newest]),
    get: (key: string) => rankings.get(key),
    set: (key: string, rows: ReadonlyArray<{ seq: number; score: number }>) => {
      const ranked = RankedMatches.of(rows);
      rankings.set(key, ranked);
      return ranked;
    },
  };
}

/** The slice of a ranking a relevance page shows, and where the next page starts. */
export function rankedPage(ranked: RankedMatches, query: ReleaseListQuery, newest: number) {
  const after = query.after?.sort === 'relevance' ? query.after : undefined;
  const start = after ? ranked.indexAfter(after.score, after.seq) : 0;
  const end = Math.min(start + query.limit, ranked.length);
  const last = end - 1;
  const more = end < ranked.length && last >= start;
  const next: ReleaseList['next'] = more
    ? { sort: 'relevance', score: ranked.scores[last] as number, seq: ranked.seqs[last] as number, maxSeq: newest }
    : undefined;
  return { seqs: Array.from(ranked.seqs.subarray(start, end)), next };
}

/** The newest seq a search's later page ranks up to (its first page's); undefined on a first page. */
export const pinnedNewest = (query: ReleaseListQuery): number | undefined =>
  query.after?.sort === 'relevance' ? query.after.maxSeq : undefined;
