import { createHash } from 'node:crypto';
import type { Catalog, Part, Release } from '#common/catalog';
import { ReleaseExistsError, type ReleaseStore } from '../storage/repository.js';
import { partTypeConflicts } from './part-type-conflicts.js';

export interface CatalogSnapshot {
  readonly catalog: Catalog;
  /** The exact JSON bytes sent for GET /api/catalog. */
  readonly body: Buffer;
  /** Strong ETag: a hash of those bytes. */
  readonly etag: string;
}

/**
 * The catalog people see: the operator's base catalog plus every published release.
 * The JSON body and its ETag are computed once per change, not per request.
 */
export class CatalogService {
  #snapshot: CatalogSnapshot;
  #parts = new Map<string, Part>();

  constructor(
    private readonly base: Catalog,
    private readonly published: ReleaseStore,
  ) {
    this.#snapshot = this.#rebuild();
  }

  get snapshot(): CatalogSnapshot {
    return this.#snapshot;
  }

  has(id: string): boolean {
    return this.#snapshot.catalog.releases.some((release) => release.id === id);
  }

  /** The catalog's own description of a media URL (its MIME type), if any release lists it. */
  part(url: string): Part | undefined {
    return this.#parts.get(url);
  }

  /** Lines for every file of `release` that the catalog already serves with another type. */
  typeConflicts(release: Release): string[] {
    return partTypeConflicts([...this.#snapshot.catalog.releases, release]);
  }

  /** Stores a release (throws ReleaseExistsError for a known id) and updates the snapshot. */
  publish(release: Release): void {
    if (this.has(release.id)) throw new ReleaseExistsError(release.id);
    this.published.insert(release);
    this.#snapshot = this.#rebuild();
  }

  #rebuild(): CatalogSnapshot {
    const baseIds = new Set(this.base.releases.map((r) => r.id));
    const releases = [...this.base.releases, ...this.published.list().filter((r) => !baseIds.has(r.id))];
    const catalog: Catalog = { releases };
    const body = Buffer.from(JSON.stringify(catalog));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    this.#parts = new Map(releases.flatMap((r) => r.parts.map((p) => [p.url, p] as const)));
    return { catalog, body, etag };
  }
}
