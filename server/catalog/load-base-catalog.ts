import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateCatalog, type Catalog, type Release } from '#common/catalog';
import { blockCount } from '#common/download-blocks';
import { ConfigError } from '../config/config-error.js';
import { verifyReleaseFiles } from './verify-release-files.js';
import { partTypeConflicts } from './part-type-conflicts.js';

/**
 * Reads MEDIA_DIR/catalog.json; a missing or invalid file stops the server with one clear line.
 * Parts larger than one block that do not list their block hashes get them from their files
 * (`npm run media` writes them, so this only reads files an operator added by hand).
 */
export async function loadBaseCatalog(file: string): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError(`cannot read the base catalog ${file} (set MEDIA_DIR to a folder with a catalog.json)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`the base catalog ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = validateCatalog(json, { toPublish: true });
  if (!result.ok) throw new ConfigError(`the base catalog ${file} is invalid: ${result.message}`);
  const releases: Release[] = [];
  for (const release of result.value.releases) {
    if (release.parts.every((p) => p.blocks || blockCount(p.bytes) === 1)) {
      releases.push(release);
      continue;
    }
    const checked = await verifyReleaseFiles(path.dirname(file), release);
    if (!checked.ok) throw new ConfigError(`the base catalog ${file} is invalid: ${checked.problems.join('; ')}`);
    releases.push(checked.release);
  }
  const conflicts = partTypeConflicts(releases);
  if (conflicts.length > 0) throw new ConfigError(`the base catalog ${file} is invalid: ${conflicts.slice(0, 3).join('; ')}`);
  return { releases };
}
