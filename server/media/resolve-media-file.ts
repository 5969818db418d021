import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSafeMediaPath } from '#common/media-path';

export type MediaFile =
  | { readonly ok: true; readonly path: string; readonly size: number; readonly mtime: Date }
  | { readonly ok: false; readonly status: 400 | 404 };

const realRoots = new Map<string, Promise<string>>();

/**
 * Answers for recently resolved paths, kept briefly: a player seeking issues many range requests
 * for one file, and realpath + stat for each is measurable under load. A changed file is seen
 * within RESOLVE_CACHE_MS.
 */
const RESOLVE_CACHE_MS = 2000;
const recent = new Map<string, { answer: MediaFile; expires: number }>();

/**
 * Maps the part of a URL after `/media` (still percent-encoded) to a regular file inside the media
 * root, or refuses. Only the catalog's own URL shape is accepted (no `..`, NUL, backslash,
 * dot-files or encoded separators), and the real path, symlinks resolved, must stay under the root.
 */
export async function resolveMediaFile(root: string, encodedPath: string): Promise<MediaFile> {
  const key = `${root}\0${encodedPath}`;
  const hit = recent.get(key);
  if (hit && hit.expires > Date.now()) return hit.answer;
  const answer = await resolveUncached(root, encodedPath);
  if (recent.size > 10_000) recent.clear();
  recent.set(key, { answer, expires: Date.now() + RESOLVE_CACHE_MS });
  return answer;
}

async function resolveUncached(root: string, encodedPath: string): Promise<MediaFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  if (!isSafeMediaPath(`/media${decoded}`)) return { ok: false, status: 404 };

  let realRoot = realRoots.get(root);
  if (!realRoot) realRoots.set(root, (realRoot = realpath(root)));
  try {
    const rootPath = await realRoot;
    const real = await realpath(path.join(rootPath, decoded));
    if (!real.startsWith(rootPath + path.sep)) return { ok: false, status: 404 };
    const info = await stat(real);
    if (!info.isFile()) return { ok: false, status: 404 };
    return { ok: true, path: real, size: info.size, mtime: info.mtime };
  } catch {
    return { ok: false, status: 404 };
  }
}
