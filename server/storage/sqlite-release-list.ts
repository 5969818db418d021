import type { Database, Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { ReleaseSummary } from '#common/catalog-page';
import type { ReleaseList, ReleaseListQuery, ReleasePosition } from './catalog-store.js';
import { RankedMatches } from './ranked-matches.js';

type KeysetSort = Exclude<ReleasePosition['sort'], 'relevance'>;
type KeysetPosition = Extract<ReleasePosition, { sort: KeysetSort }>;

interface KeyRow {
  readonly seq: number;
  readonly title_key: string;
  readonly artist_key: string;
}

/** Titles weigh most in search, then the artist, then track titles (bm25 column weights). */
const SEARCH_WEIGHTS = '10.0, 5.0, 1.0';

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
const SORTS: Readonly<Record<KeysetSort, { order: string; after: string; keys: (p: KeysetPosition) => unknown[] }>> = {
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

/** Each word a quoted prefix (one letter: the whole word). Words are letters and digits only (search-words.ts). */
const matchExpression = (words: readonly string[]) => words.map((w) => ([...w].length > 1 ? `"${w}"*` : `"${w}"`)).join(' ');

/** SQL conditions and their parameters, built from the filters a query has. */
function conditions() {
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
 * Pages of release summaries. Sorted by added, title or artist: by keyset, a page is the `limit`
 * rows after the previous page's last one in the sort's order (an index each, see migrations.ts),
 * so a page costs the same anywhere in 100,000 releases and releases added meanwhile never shift
 * what comes next. By relevance: a slice of the search's ranked matches after the previous page's
 * last (score, seq). Keys come first, then the summaries of that page only. Statements are built
 * from the filters present, so SQLite picks the index that fits, and cached.
 */
export function sqliteReleaseList(db: Database): (query: ReleaseListQuery) => ReleaseList {
  const statements = new Map<string, Statement<unknown[], unknown>>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[], unknown>(sql)));
    return statement;
  };
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM catalog_releases');
  const summary = db.prepare<[number], { summary: string }>('SELECT summary FROM catalog_releases WHERE seq = ?');
  const summaries = (seqs: Iterable<number>) =>
    [...seqs].flatMap((seq) => {
      const row = summary.get(seq);
      return row ? [JSON.parse(row.summary) as ReleaseSummary] : []; // removed since it was ranked
    });
  const rankings = new LRUCache<string, RankedMatches>({
    maxSize: RANKINGS_BYTES,
    sizeCalculation: (ranked) => Math.max(1, ranked.bytes),
    ttl: RANKING_TTL_MS,
  });

  /** Every match of a search among releases up to `newest` (the newest SEARCH_CANDIDATES), best first. */
  const rank = (query: ReleaseListQuery, words: readonly string[], newest: number): RankedMatches => {
    const key = JSON.stringify([words, query.kind, query.artistId, newest]);
    const cached = rankings.get(key);
    if (cached) return cached;
    const where = conditions();
    where.params.push(matchExpression(words), newest);
    if (query.kind) where.add('r.kind = ?', query.kind);
    if (query.artistId) where.add('r.artist_id = ?', query.artistId);
    const sql = `SELECT s.seq, s.score FROM (
                   SELECT rowid AS seq, bm25(catalog_search, ${SEARCH_WEIGHTS}) AS score FROM catalog_search
                   WHERE catalog_search MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES}) s
                 ${query.kind || query.artistId ? 'JOIN catalog_releases r ON r.seq = s.seq' : ''}
                 ${where.sql} ORDER BY s.score, s.seq`;
    const ranked = RankedMatches.of(prepare(sql).all(...where.params) as Array<{ seq: number; score: number }>);
    rankings.set(key, ranked);
    return ranked;
  };

  const byRelevance = (query: ReleaseListQuery, words: readonly string[]): ReleaseList => {
    const after = query.after?.sort === 'relevance' ? query.after : undefined;
    const newest = after?.maxSeq ?? maxSeq.get()?.seq ?? 0;
    const ranked = rank(query, words, newest);
    const start = after ? ranked.indexAfter(after.score, after.seq) : 0;
    const end = Math.min(start + query.limit, ranked.length);
    const last = end - 1;
    const more = end < ranked.length && last >= start;
    return {
      releases: summaries(ranked.seqs.subarray(start, end)),
      next: more
        ? { sort: 'relevance', score: ranked.scores[last] as number, seq: ranked.seqs[last] as number, maxSeq: newest }
        : undefined,
    };
  };

  const byKeyset = (query: ReleaseListQuery, sort: KeysetSort, words: readonly string[] | undefined): ReleaseList => {
    const where = conditions();
    if (words) where.add('r.seq IN (SELECT rowid FROM catalog_search WHERE catalog_search MATCH ?)', matchExpression(words));
    if (query.kind) where.add('r.kind = ?', query.kind);
    if (query.artistId) where.add('r.artist_id = ?', query.artistId);
    if (query.after && query.after.sort === sort) where.add(SORTS[sort].after, ...SORTS[sort].keys(query.after));
    const sql = `SELECT r.seq, r.title_key, r.artist_key FROM catalog_releases r ${where.sql}
                 ORDER BY ${SORTS[sort].order} LIMIT ?`;
    const rows = prepare(sql).all(...where.params, query.limit + 1) as KeyRow[];
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      releases: summaries(page.map((row) => row.seq)),
      next: rows.length > query.limit && last ? positionOf(sort, last) : undefined,
    };
  };

  return db.transaction((query: ReleaseListQuery): ReleaseList => {
    const words = query.words?.length ? query.words : undefined;
    if (query.sort === 'relevance') return words ? byRelevance(query, words) : { releases: [], next: undefined };
    return byKeyset(query, query.sort, words);
  });
}
