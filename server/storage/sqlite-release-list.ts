import type { Database, Statement } from 'better-sqlite3';
import type { ReleaseSummary } from '#common/catalog-page';
import type { ReleaseList, ReleaseListQuery, ReleasePosition } from './catalog-store.js';

interface ListRow {
  readonly seq: number;
  readonly title_key: string;
  readonly artist_key: string;
  readonly score: number | null;
  readonly summary: string;
}

/** Titles weigh most in search, then the artist, then track titles (bm25 column weights). */
const SEARCH_WEIGHTS = '10.0, 5.0, 1.0';

/** How each sort orders rows, and the keyset condition that starts a page after a position. */
const SORTS: Readonly<Record<ReleasePosition['sort'], { order: string; after: string }>> = {
  added: { order: 'r.seq DESC', after: 'r.seq < ?' },
  title: { order: 'r.title_key, r.seq', after: '(r.title_key, r.seq) > (?, ?)' },
  artist: { order: 'r.artist_key, r.title_key, r.seq', after: '(r.artist_key, r.title_key, r.seq) > (?, ?, ?)' },
  relevance: { order: 's.score, r.seq', after: '(s.score, r.seq) > (?, ?) AND r.seq <= ?' },
};

const positionKeys = (p: ReleasePosition): unknown[] => {
  switch (p.sort) {
    case 'added':
      return [p.seq];
    case 'title':
      return [p.titleKey, p.seq];
    case 'artist':
      return [p.artistKey, p.titleKey, p.seq];
    case 'relevance':
      return [p.score, p.seq, p.maxSeq];
  }
};

/**
 * Pages of release summaries by keyset: a page is the `limit` rows after the previous page's last
 * one in the sort's order (an index each, see migrations.ts), so a page costs the same anywhere in
 * 100,000 releases, and releases added meanwhile never shift what comes next.
 * Statements are built from the filters present, so SQLite picks the index that fits, and cached.
 */
export function sqliteReleaseList(db: Database): (query: ReleaseListQuery) => ReleaseList {
  const statements = new Map<string, Statement<unknown[], ListRow>>();
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM catalog_releases');
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[], ListRow>(sql)));
    return statement;
  };

  return (query) => {
    const where: string[] = [];
    const params: unknown[] = [];
    const searching = query.words !== undefined && query.words.length > 0;
    let from = 'catalog_releases r';
    if (searching) {
      from = `(SELECT rowid AS seq, bm25(catalog_search, ${SEARCH_WEIGHTS}) AS score FROM catalog_search
               WHERE catalog_search MATCH ?) s JOIN catalog_releases r ON r.seq = s.seq`;
      // Each word a quoted prefix: words are letters and digits only (see searchWords), so no
      // FTS5 syntax can get in.
      params.push(query.words?.map((word) => `"${word}"*`).join(' '));
    }
    const filter = (condition: string, ...values: unknown[]) => {
      where.push(condition);
      params.push(...values);
    };
    if (query.kind) filter('r.kind = ?', query.kind);
    if (query.artistId) filter('r.artist_id = ?', query.artistId);
    const sort = SORTS[query.sort];
    if (query.after) filter(sort.after, ...positionKeys(query.after));
    const sql = `SELECT r.seq, r.title_key, r.artist_key, ${searching ? 's.score' : 'NULL AS score'}, r.summary
                 FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY ${sort.order} LIMIT ?`;
    const rows = prepare(sql).all(...params, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const newest = query.after?.sort === 'relevance' ? query.after.maxSeq : (maxSeq.get()?.seq ?? 0);
    return {
      releases: page.map((row) => JSON.parse(row.summary) as ReleaseSummary),
      next: rows.length > query.limit && last ? positionOf(query.sort, last, newest) : undefined,
    };
  };
}

function positionOf(sort: ReleasePosition['sort'], row: ListRow, maxSeq: number): ReleasePosition {
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
