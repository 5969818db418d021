import { stat } from 'node:fs/promises';
import type { Release } from '#common/catalog';
import { mapReleaseFiles, releaseFiles, type MediaFile } from '#common/renditions';
import { resolveMediaFile } from '../media/resolve-media-file.js';
import { hashMediaFile } from './hash-media-file.js';

export type FileCheck = { ok: true; release: Release } | { ok: false; problems: string[] };

/**
 * Checks that every file of a release (every part, in every quality) is a file in MEDIA_DIR with the stated size and sha256, so a
 * published release can always be downloaded and verified, and completes the block hashes the
 * browser checks downloads with (checking them when the release gives them).
 */
export async function verifyReleaseFiles(mediaRoot: string, release: Release): Promise<FileCheck> {
  const problems: string[] = [];
  const completed = new Map<string, MediaFile>();
  for (const part of releaseFiles(release)) {
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
    else completed.set(part.url, hashes.blocks.length > 1 ? { ...part, blocks: hashes.blocks } : part);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, release: mapReleaseFiles(release, (file) => completed.get(file.url) ?? file) };
}
