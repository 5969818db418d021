import { stat } from 'node:fs/promises';
import type { Part, Release } from '#common/catalog';
import { resolveMediaFile } from '../media/resolve-media-file.js';
import { hashMediaFile } from './hash-media-file.js';

export type FileCheck = { ok: true; release: Release } | { ok: false; problems: string[] };

/**
 * Checks that every part of a release is a file in MEDIA_DIR with the stated size and sha256, so a
 * published release can always be downloaded and verified, and completes the block hashes the
 * browser checks downloads with (checking them when the release gives them).
 */
export async function verifyReleaseFiles(mediaRoot: string, release: Release): Promise<FileCheck> {
  const problems: string[] = [];
  const parts: Part[] = [];
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
    const hashes = await hashMediaFile(file.path);
    if (hashes.sha256 !== part.sha256) problems.push(`${part.url}: sha256 does not match the file`);
    else if (part.blocks && part.blocks.join() !== hashes.blocks.join())
      problems.push(`${part.url}: block hashes do not match the file`);
    else parts.push(hashes.blocks.length > 1 ? { ...part, blocks: hashes.blocks } : part);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, release: { ...release, parts } };
}
