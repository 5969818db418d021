import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a secret kept in DATA_DIR, or makes it with `create` and stores it (mode 0600, created
 * exclusively so two servers starting at once cannot overwrite each other's).
 */
export async function readOrCreateSecret<T>(
  file: string,
  create: () => T,
  parse: (text: string) => T,
): Promise<{ value: T; created: boolean }> {
  try {
    return { value: parse(await readFile(file, 'utf8')), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const value = create();
  try {
    await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value), { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { value: parse(await readFile(file, 'utf8')), created: false };
  }
}
