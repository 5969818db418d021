import { readFile } from 'node:fs/promises';
import { validateCatalog, type Catalog } from '#common/catalog';
import { ConfigError } from '../config/config-error.js';
import { partTypeConflicts } from './part-type-conflicts.js';

/** Reads MEDIA_DIR/catalog.json; a missing or invalid file stops the server with one clear line. */
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
  const result = validateCatalog(json);
  if (!result.ok) throw new ConfigError(`the base catalog ${file} is invalid: ${result.message}`);
  const conflicts = partTypeConflicts(result.value.releases);
  if (conflicts.length > 0) throw new ConfigError(`the base catalog ${file} is invalid: ${conflicts.slice(0, 3).join('; ')}`);
  return result.value;
}
