import type pg from 'pg';
import type { ReleaseSummary } from '#common/catalog-page';
import type { ReleaseList, ReleaseListQuery } from './catalog-store.js';
import { numbered } from './numbered-placeholders.js';
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

/**
 * Titles weigh most in search, then the artist, then track titles: ts_rank's weights, in its
 * order {D, C, B, A}, in the ratio of SQLite's bm25 column weights (10, 5, 1). Normalisation 1
 * divides by the log of the release's length, as bm25 favours short matches.
 */
const WEIGHTS = "'{0, 0.1, 0.5, 1.0}'";

/** The newest SEARCH_CANDIDATES matches, scored negative so that lower is better, as bm25 is. */
const CANDIDATES = `SELECT seq, -ts_rank(${WEIGHTS}, search, q.query, 1) AS score
                    FROM catalog_releases, (SELECT ?::tsquery AS query) q
                    WHERE search @@ q.query AND seq <= ? ORDER BY seq DESC LIMIT ${SEARCH_CANDIDATES}`;
const MATCHING = 'SELECT seq FROM catalog_releases WHERE search @@ ?::tsquery';

/**
 * Each word a prefix (one letter: the whole word), all of them required: FTS5's `"w"* "x"*`.
 * Words are letters and digits only (search-words.ts), so quoting them is enough.
 */
const matchExpression = (words: readonly string[]) => words.map((w) => ([...w].length > 1 ? `'${w}':*` : `'${w}'`)).join(' & ');

/** Pages of release summaries, as sqlite-release-list.ts makes them. */
export function postgresReleaseList(pool: pg.Pool): (query: ReleaseListQuery) => Promise<ReleaseList> {
  const rankings = rankingCache();
  const all = async <Row extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    (await pool.query<Row>(numbered(sql), params)).rows;

  const byRelevance = async (query: ReleaseListQuery, words: readonly string[]): Promise<ReleaseList> => {
    const newest =
      pinnedNewest(query) ?? (await all<{ seq: number | null }>('SELECT max(seq) AS seq FROM catalog_releases', []))[0]?.seq ?? 0;
    const key = rankings.key(query, words, newest);
    let ranked = rankings.get(key);
    if (!ranked) {
      const { sql, params } = rankingQuery(query, CANDIDATES, matchExpression(words), newest);
      ranked = rankings.set(key, await all<{ seq: number; score: number }>(sql, params));
    }
    const { seqs, next } = rankedPage(ranked, query, newest);
    const rows = await all<{ seq: number; summary: string }>('SELECT seq, summary FROM catalog_releases WHERE seq = ANY(?)', [
      seqs,
    ]);
    const bySeq = new Map(rows.map((row) => [row.seq, row.summary]));
    // A release removed since it was ranked is left out.
    const releases = seqs.flatMap((seq) => {
      const summary = bySeq.get(seq);
      return summary ? [JSON.parse(summary) as ReleaseSummary] : [];
    });
    return { releases, next };
  };

  const byKeyset = async (query: ReleaseListQuery, sort: KeysetSort, words: readonly string[] | undefined) => {
    const search = words && { matching: MATCHING, expression: matchExpression(words) };
    const { sql, params } = keysetQuery(query, sort, search, 'r.seq, r.title_key, r.artist_key, r.summary');
    const { page, next } = keysetPage(await all<KeyRow & { summary: string }>(sql, params), query, sort);
    return { releases: page.map((row) => JSON.parse(row.summary) as ReleaseSummary), next };
  };

  return async (query) => {
    const words = query.words?.length ? query.words : undefined;
    if (query.sort === 'relevance') return words ? byRelevance(query, words) : { releases: [], next: undefined };
    return byKeyset(query, query.sort, words);
  };
}
