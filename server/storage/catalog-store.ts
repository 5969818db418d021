import type { Release } from '#common/catalog';
import type { ArtistSummary, ReleaseSummary } from '#common/catalog-page';
import type { RELEASE_KINDS } from '#common/catalog';

/**
 * Where a page ended, in the keys of its sort: the next page starts strictly after it. Sort keys
 * are folded text (common/fold-text.ts); `seq` is the order releases were added in and breaks ties.
 * A search position also keeps the newest `seq` of its first page, so releases published while
 * someone pages through results do not move into pages already seen.
 */
export type ReleasePosition =
  | { readonly sort: 'added'; readonly seq: number }
  | { readonly sort: 'title'; readonly titleKey: string; readonly seq: number }
  | { readonly sort: 'artist'; readonly artistKey: string; readonly titleKey: string; readonly seq: number }
  | { readonly sort: 'relevance'; readonly score: number; readonly seq: number; readonly maxSeq: number };

export interface ReleaseListQuery {
  readonly sort: ReleasePosition['sort'];
  readonly kind?: (typeof RELEASE_KINDS)[number] | undefined;
  readonly artistId?: string | undefined;
  /** Words to search for; each matches as a prefix, accents and case ignored. */
  readonly words?: readonly string[] | undefined;
  readonly after?: ReleasePosition | undefined;
  readonly limit: number;
}

export interface ReleaseList {
  readonly releases: ReleaseSummary[];
  /** Where the page ended, when there is more after it. */
  readonly next: ReleasePosition | undefined;
}

export interface ArtistPosition {
  readonly sortKey: string;
  readonly id: string;
}

export interface ArtistList {
  readonly artists: ArtistSummary[];
  readonly next: ArtistPosition | undefined;
}

export interface CatalogChange {
  readonly version: number;
  readonly id: string;
  /** The release as it is now; undefined when it was removed. */
  readonly release: Release | undefined;
  /** The version the release was added at, when the log has it (it was added after the log began). */
  readonly addedVersion: number | undefined;
}

export interface ChangeLog {
  /** The version of the latest change. */
  readonly version: number;
  /** Changes after `floor` are kept; a client at an older version must page the library again. */
  readonly floor: number;
  /** In version order, at most the limit asked for. */
  readonly changes: CatalogChange[];
}

/**
 * A MEDIA_DIR/catalog.json being read into the catalog, a batch of releases at a time, in one
 * transaction: nothing is seen by readers until `finish`, and `abort` undoes it all.
 */
export interface BaseImport {
  /** Adds or replaces these base releases; returns how many were new or changed. */
  put(releases: readonly Release[]): Promise<number>;
  /** Removes the base releases the file no longer lists, records the file's hash, and commits. */
  finish(sha256: string): Promise<{ removed: number }>;
  abort(): Promise<void>;
}

/**
 * The catalog: the operator's base releases (MEDIA_DIR/catalog.json) and the published ones, with
 * the queries the library API pages through. Every write is one transaction that also logs a
 * version per changed release. Implemented on SQLite and PostgreSQL.
 */
export interface CatalogStore {
  version(): Promise<number>;
  count(): Promise<number>;
  has(id: string): Promise<boolean>;
  get(id: string): Promise<Release | undefined>;
  /**
   * Adds a published release and, in the same transaction, its alert's delivery and fan-out job
   * (server/delivery); throws ReleaseExistsError for a known id.
   */
  publish(release: Release): Promise<{ deliveryId: string }>;
  /** The sha256 of the base catalog file last imported, if any. */
  baseSha256(): Promise<string | undefined>;
  beginImport(): Promise<BaseImport>;
  /** The type the catalog gives a media URL, and the first release that listed it. */
  fileType(url: string): Promise<{ type: string; releaseId: string } | undefined>;
  listReleases(query: ReleaseListQuery): Promise<ReleaseList>;
  listArtists(after: ArtistPosition | undefined, limit: number): Promise<ArtistList>;
  artist(id: string): Promise<ArtistSummary | undefined>;
  changesSince(version: number, limit: number): Promise<ChangeLog>;
  /** The JSON of the newest `max` releases, oldest first (the whole-catalog route). */
  newestBodies(max: number): Promise<string[]>;
}
