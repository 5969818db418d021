import { artistIdOf } from '#common/artist-id';
import type { Release } from '#common/catalog';
import { foldText } from '#common/fold-text';
import { releaseSummaryOf } from '#common/release-summary';
import { WORD_SEPARATORS } from '../catalog/search-words.js';

/** A release as the catalog tables hold it: the JSON, its summary, and the keys it is sorted and found by. */
export interface CatalogRow {
  readonly id: string;
  readonly source: 'base' | 'published';
  readonly kind: string;
  readonly title: string;
  readonly title_key: string;
  readonly artist: string;
  readonly artist_id: string;
  readonly artist_key: string;
  readonly release_date: string;
  readonly summary: string;
  readonly body: string;
}

export function catalogRow(release: Release, source: CatalogRow['source']): CatalogRow {
  return {
    id: release.id,
    source,
    kind: release.kind,
    title: release.title,
    title_key: foldText(release.title),
    artist: release.artist,
    artist_id: artistIdOf(release.artist),
    artist_key: foldText(release.artist),
    release_date: release.releaseDate,
    summary: JSON.stringify(releaseSummaryOf(release)),
    body: JSON.stringify(release),
  };
}

/**
 * The text search looks in, one FTS5 column each (titles weigh most, track titles least), folded
 * as the searched words are (search-words.ts): FTS5's own `remove_diacritics` leaves ø, æ or ß.
 */
export function searchText(release: Release): { title: string; artist: string; tracks: string } {
  const tracks = release.parts.flatMap((p) => (p.role === 'track' && p.title ? [p.title] : []));
  return { title: foldText(release.title), artist: foldText(release.artist), tracks: foldText(tracks.join('\n')) };
}

/**
 * The same text as PostgreSQL's tsvector literal: each word (split as searchWords splits what is
 * typed, and as FTS5's unicode61 does) quoted, with its position and weight (A title, B artist,
 * C track titles). Built here rather than by to_tsvector, whose parser depends on the cluster's
 * locale and splits some words otherwise. Words are letters and digits only: nothing to escape.
 */
export function searchVector(release: Release): string {
  const text = searchText(release);
  let position = 0;
  const entries: string[] = [];
  for (const [column, weight] of [
    [text.title, 'A'],
    [text.artist, 'B'],
    [text.tracks, 'C'],
  ] as const) {
    for (const word of column.split(WORD_SEPARATORS)) {
      // tsvector positions stop at 16383; a word past that still matches, at the last position.
      if (word) entries.push(`'${word}':${Math.min(++position, 16383)}${weight}`);
    }
  }
  return entries.join(' ');
}
