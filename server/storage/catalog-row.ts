import { artistIdOf } from '#common/artist-id';
import type { Release } from '#common/catalog';
import { foldText } from '#common/fold-text';
import { releaseSummaryOf } from '#common/release-summary';

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
