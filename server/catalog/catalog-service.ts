import { releaseFiles } from '#common/renditions';
import type { Release } from '#common/catalog';
import { JsonEntity } from '../http/json-entity.js';
import { contentHashInName } from '../media/content-hashed-name.js';
import type { CatalogStore } from '../storage/catalog-store.js';
import { typeConflict } from './type-conflict.js';

/**
 * The most releases GET /api/catalog sends: what a client that takes the whole catalog accepts
 * (common/catalog.ts caps it there). The paged library API has no such limit.
 */
export const WHOLE_CATALOG_MAX = 10_000;

/**
 * The catalog people see, kept in the database (CatalogStore): the operator's base catalog plus
 * every published release. Publishing writes one release; the whole-catalog body for
 * GET /api/catalog is made when first asked for after a change, not on every publish.
 */
export class CatalogService {
  #snapshot: { version: number; entity: JsonEntity } | undefined;

  constructor(readonly store: CatalogStore) {}

  /** GET /api/catalog: `{ releases }`, the newest WHOLE_CATALOG_MAX in the order they were added. */
  async snapshot(): Promise<JsonEntity> {
    const version = await this.store.version();
    if (this.#snapshot?.version === version) return this.#snapshot.entity;
    const bodies = await this.store.newestBodies(WHOLE_CATALOG_MAX);
    const entity = new JsonEntity(`{"releases":[${bodies.join(',')}]}`);
    this.#snapshot = { version, entity };
    return entity;
  }

  has(id: string): Promise<boolean> {
    return this.store.has(id);
  }

  /** The MIME type the catalog gives a media URL, if any release lists it. */
  async fileType(url: string): Promise<string | undefined> {
    return (await this.store.fileType(url))?.type;
  }

  /**
   * Whether a media URL's bytes can never change: its name carries the start of its sha256
   * (content-hashed-name.ts) and the catalog's sha256 for it agrees, so a stale or mistaken
   * name is never cached for a year.
   */
  async isImmutable(url: string): Promise<boolean> {
    const hex = contentHashInName(url);
    const file = hex && (await this.store.fileType(url));
    if (!hex || !file) return false;
    const release = await this.store.get(file.releaseId);
    const part = release && releaseFiles(release).find((p) => p.url === url);
    return part?.sha256.startsWith(hex) ?? false;
  }

  /** Lines for every file of `release` that the catalog already serves with another type. */
  async typeConflicts(release: Release): Promise<string[]> {
    const files = releaseFiles(release);
    const known = await Promise.all(files.map((file) => this.store.fileType(file.url)));
    return files.flatMap((file, n) => typeConflict(file, known[n]) ?? []);
  }

  /** Stores a release and queues its alert (throws ReleaseExistsError for a known id). */
  publish(release: Release): Promise<{ deliveryId: string }> {
    return this.store.publish(release);
  }
}
