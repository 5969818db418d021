import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Release } from '#common/catalog';
import { resolveMediaFile } from '../media/resolve-media-file.js';

/**
 * Checks that every part of a release is a file in MEDIA_DIR with the catalog's size and sha256,
 * so a published release can always be downloaded and verified. Returns problems, empty if none.
 */
export async function verifyReleaseFiles(mediaRoot: string, release: Release): Promise<string[]> {
  const problems: string[] = [];
  for (const part of release.parts) {
    const file = await resolveMediaFile(mediaRoot, part.url.slice('/media'.length));
    if (!file.ok) {
      problems.push(`${part.url}: no such file in the media folder`);
      continue;
    }
    const size = (await stat(file.path).catch(() => undefined))?.size;
    if (size === undefined) {
      problems.push(`${part.url}: no such file in the media folder`);
      continue;
    }
    if (size !== part.bytes) {
      problems.push(`${part.url}: the file has ${size} bytes, the release says ${part.bytes}`);
      continue;
    }
    if ((await sha256File(file.path)) !== part.sha256) problems.push(`${part.url}: sha256 does not match the file`);
  }
  return problems;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
