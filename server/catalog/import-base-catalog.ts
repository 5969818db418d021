import { releaseFiles } from '#common/renditions';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { describeIssues, releaseToPublishSchema, type Release } from '#common/catalog';
import { blockCount } from '#common/download-blocks';
import { ConfigError } from '../config/config-error.js';
import type { CatalogStore } from '../storage/catalog-store.js';
import { readCatalogReleases } from './read-catalog-releases.js';
import { typeConflict } from './type-conflict.js';
import { verifyReleaseFiles } from './verify-release-files.js';

/** Releases written per batch; the import is one transaction either way. */
const BATCH = 500;

export interface ImportReport {
  /** True when the file is the one imported last time, and nothing was read but its hash. */
  readonly unchanged: boolean;
  readonly releases: number;
  readonly changed: number;
  readonly removed: number;
}

/**
 * Brings the operator's MEDIA_DIR/catalog.json into the catalog, when its content changed since
 * the last import (its sha256 is kept in the database): a restart with the same file reads only
 * its bytes. Each release is validated as it is read (no cap on how many), parts larger than one
 * block that do not list their block hashes get them from their files, and one file keeps one
 * type. The import is all or nothing: a problem anywhere stops the server with one clear line and
 * leaves the catalog as it was.
 */
export async function importBaseCatalog(file: string, store: CatalogStore): Promise<ImportReport> {
  const sha256 = await hashFile(file).catch(() => {
    throw new ConfigError(`cannot read the base catalog ${file} (set MEDIA_DIR to a folder with a catalog.json)`);
  });
  if ((await store.baseSha256()) === sha256) return { unchanged: true, releases: await store.count(), changed: 0, removed: 0 };

  const fail = (message: string) => new ConfigError(`the base catalog ${file} is invalid: ${message}`);
  const session = await store.beginImport();
  try {
    const ids = new Set<string>();
    const types = new Map<string, { type: string; releaseId: string }>();
    let batch: Release[] = [];
    let changed = 0;
    let index = 0;
    for await (const raw of readCatalogReleases(file)) {
      const parsed = releaseToPublishSchema.safeParse(raw);
      if (!parsed.success) throw fail(`releases.${index}: ${describeIssues(parsed.error)}`);
      let release = parsed.data;
      if (ids.has(release.id)) throw fail(`releases: id "${release.id}" appears twice`);
      ids.add(release.id);
      if (!releaseFiles(release).every((p) => p.blocks || blockCount(p.bytes) === 1)) {
        const checked = await verifyReleaseFiles(path.dirname(file), release);
        if (!checked.ok) throw fail(checked.problems.join('; '));
        release = checked.release;
      }
      for (const part of releaseFiles(release)) {
        const conflict = typeConflict(part, types.get(part.url));
        if (conflict) throw fail(conflict);
        if (!types.has(part.url)) types.set(part.url, { type: part.type, releaseId: release.id });
      }
      batch.push(release);
      index++;
      if (batch.length === BATCH) {
        changed += await session.put(batch);
        batch = [];
      }
    }
    changed += await session.put(batch);
    const { removed } = await session.finish(sha256);
    return { unchanged: false, releases: index, changed, removed };
  } catch (error) {
    await session.abort();
    if (error instanceof ConfigError) throw error;
    throw fail((error as Error).message);
  }
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
