import type { Database, Statement } from 'better-sqlite3';
import type { ReleaseSummary } from '#common/catalog-page';
import type { ReleaseList, ReleaseListQuery, ReleasePosition } from './catalog-store.js';

interface KeyRow {
  readonly seq: number;
  readonly title_key: string;
  readonly artist_key: string;
  readonly score: number | null;
}

/** Titles weigh most in search, then the artist, then track titles (bm25 column weights). */
const SEARCH_WEIGHTS = '10.0, 5.0, 1.0';

/**
 * A search ranks at most this many matches, the newest: scoring every release that contains
 * "the" would cost a full pass over the index per keystroke. A search that matches more than
 * this is too broad to rank usefully anyway; sorted by title or artist, it still lists them all.
 */
export const SEARCH_CANDIDATES = 10_000;

/** How each sort orders rows, and the keyset condition that starts a page after a position. */
const SORTS: Readonly<Record<ReleasePosition['sort'], { order: string; after: string }>> = {
  added: { order: 'r.seq DESC', after: 'r.seq < ?' },
  title: { order: 'r.title_key, r.seq', after: '(r.title_key, r.seq) > (?, ?)' },
  artist: { order: 'r.artist_key, r.title_key, r.seq', after: '(r.artist_key, r.title_key, r.seq) > (?, ?, ?)' },
  relevance: { order: 's.score, s.seq', after: '(s.score, s.seq) > (?, ?)' },
};

function positionKeys(p: ReleasePosition): unknown[] {
  switch (p.sort) {
    case 'added':
      return [p.seq];
    case 'title':
      return [p.titleKey, p.seq];
    case 'artist':
      return [p.artistKey, p.titleKey, p.seq];
    case 'relevance':
      return [p.score, p.seq];
  }
}

/** Each word a quoted prefix (one letter: the whole word). Words are letters and digits only (search-words.ts). */
const matchExpression = (words: readonly string[]) => words.map((w) => ([...w].length > 1 ? `"${w}"*` : `"${w}"`)).join(' ');

/**
 * Pages of release summaries by keyset: a page is the `limit` rows after the previous page's last
 * one in the sort's order (an index each, see migrations.ts), so a page costs the same anywhere in
 * 100,000 releases, and releases added meanwhile never shift what comes next. The keys are found
 * first (from the indexes, or the search's ranked candidates) and the summaries of that page only
 * are read after. Statements are built from the filters present, so SQLite picks the index that
 * fits, and cached.
 */
export function sqliteReleaseList(db: Database): (query: ReleaseListQuery) => ReleaseList {
  const statements = new Map<string, Statement<unknown[], KeyRow>>();
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM catalog_releases');
  const summary = db.prepare<[number], { summary: string }>('SELECT summary FROM catalog_releases WHERE seq = ?');
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[], KeyRow>(sql)));
    return statement;
  };

  return db.transaction((query: ReleaseListQuery): ReleaseList => {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (condition: string, ...values: unknown[]) => {
      where.push(condition);
      params.push(...values);
    };
    const words = query.words?.length ? query.words : undefined;
    const newest = query.after?.sort === 'relevance' ? query.after.maxSeq : (maxSeq.get()?.seq ?? 0);
    let from = 'catalog_releases r';
    let keys = 'r.seq, r.title_key, r.artist_key, NULL AS score';
    if (words && query.sort === 'relevance') {
      // Newest candidates up to the first page's newest release: the same set on every page.
      from = `(SELECT rowid AS seq, bm25(catalog_search, ${SEARCH_WEIGHTS}) AS score FROM catalog_search
               WHERE catalog_search MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES}) s`;
      params.push(matchExpression(words), newest);
      keys = 's.seq, NULL AS title_key, NULL AS artist_key, s.score';
      if (query.kind || query.artistId) from += ' JOIN catalog_releases r ON r.seq = s.seq';
    } else if (words) {
      filter('r.seq IN (SELECT rowid FROM catalog_search WHERE catalog_search MATCH ?)', matchExpression(words));
    }
    if (query.kind) filter('r.kind = ?', query.kind);
    if (query.artistId) filter('r.artist_id = ?', query.artistId);
    const sort = SORTS[query.sort];
    if (query.after) filter(sort.after, ...positionKeys(query.after));
    const sql = `SELECT ${keys} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY ${sort.order} LIMIT ?`;
    const rows = prepare(sql).all(...params, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      releases: page.map((row) => JSON.parse(summary.get(row.seq)?.summary ?? 'null') as ReleaseSummary),
      next: rows.length > query.limit && last ? positionOf(query.sort, last, newest) : undefined,
    };
  });
}

function positionOf(sort: ReleasePosition['sort'], row: KeyRow, maxSeq: number): ReleasePosition {
  switch (sort) {
    case 'added':
      return { sort, seq: row.seq };
    case 'title':
      return { sort, titleKey: row.title_key, seq: row.seq };
    case 'artist':
      return { sort, artistKey: row.artist_key, titleKey: row.title_key, seq: row.seq };
    case 'relevance':
      return { sort, score: row.score ?? 0, seq: row.seq, maxSeq };
  }
}
