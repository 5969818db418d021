import type { Database, Statement } from 'better-sqlite3';
import type { ReleaseSummary } from '#common/catalog-page';
import type { ReleaseList, ReleaseListQuery } from './catalog-store.js';
import {
  keysetPage,
  keysetQuery,
  pinnedNewest,
  rankedPage,
  rankingCache,
  rankingQuery,
  SEARCH_CANDIDATES,
  type KeyRow,
  type KeysetSort,
} from './release-list-plan.js';

/** Titles weigh most in search, then the artist, then track titles (bm25 column weights). */
const SEARCH_WEIGHTS = '10.0, 5.0, 1.0';

/** The newest SEARCH_CANDIDATES matches of a search, scored by bm25 (negative: lower is better). */
const CANDIDATES = `SELECT rowid AS seq, bm25(catalog_search, ${SEARCH_WEIGHTS}) AS score FROM catalog_search
                    WHERE catalog_search MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES}`;
const MATCHING = 'SELECT rowid FROM catalog_search WHERE catalog_search MATCH ?';

/** Each word a quoted prefix (one letter: the whole word). Words are letters and digits only (search-words.ts). */
const matchExpression = (words: readonly string[]) => words.map((w) => ([...w].length > 1 ? `"${w}"*` : `"${w}"`)).join(' ');

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
  const rankings = rankingCache();

  const byRelevance = (query: ReleaseListQuery, words: readonly string[]): ReleaseList => {
    const newest = pinnedNewest(query) ?? maxSeq.get()?.seq ?? 0;
    const key = rankings.key(query, words, newest);
    let ranked = rankings.get(key);
    if (!ranked) {
      const { sql, params } = rankingQuery(query, CANDIDATES, matchExpression(words), newest);
      ranked = rankings.set(key, prepare(sql).all(...params) as Array<{ seq: number; score: number }>);
    }
    const { seqs, next } = rankedPage(ranked, query, newest);
    return { releases: summaries(seqs), next };
  };

  const byKeyset = (query: ReleaseListQuery, sort: KeysetSort, words: readonly string[] | undefined): ReleaseList => {
    const search = words && { matching: MATCHING, expression: matchExpression(words) };
    const { sql, params } = keysetQuery(query, sort, search, 'r.seq, r.title_key, r.artist_key');
    const { page, next } = keysetPage(prepare(sql).all(...params) as KeyRow[], query, sort);
    return { releases: summaries(page.map((row) => row.seq)), next };
  };

  return db.transaction((query: ReleaseListQuery): ReleaseList => {
    const words = query.words?.length ? query.words : undefined;
    if (query.sort === 'relevance') return words ? byRelevance(query, words) : { releases: [], next: undefined };
    return byKeyset(query, query.sort, words);
  });
}
