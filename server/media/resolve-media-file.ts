import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { isSafeMediaPath } from '#common/media-path';

export type MediaFile = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly status: 400 | 404 };

const realRoots = new Map<string, Promise<string>>();

/**
 * Real paths of recently served files: a player seeking issues many range requests for one file,
 * and realpath for each is measurable under load. Only paths that passed every check and led to a
 * file are kept (a refusal is cheap to repeat, and caching refusals let any client fill memory),
 * at most MAX_CACHED of them, for RESOLVE_CACHE_MS. The size and date sent come from the opened
 * file, never from here, so a file replaced meanwhile is still sent whole and right.
 */
const RESOLVE_CACHE_MS = 2000;
const MAX_CACHED = 1000;
const resolved = new LRUCache<string, string>({ max: MAX_CACHED, ttl: RESOLVE_CACHE_MS });

/** How many resolved paths are kept now (for tests of the bound). */
export const resolvedPathsCached = (): number => resolved.size;

/**
 * Maps the part of a URL after `/media` (still percent-encoded) to a regular file inside the media
 * root, or refuses. Only the catalog's own URL shape is accepted (no `..`, NUL, backslash,
 * dot-files or encoded separators), and the real path, symlinks resolved, must stay under the root.
 */
export async function resolveMediaFile(root: string, encodedPath: string): Promise<MediaFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  if (!isSafeMediaPath(`/media${decoded}`)) return { ok: false, status: 404 };

  const key = `${root}\0${decoded}`;
  const hit = resolved.get(key);
  if (hit) return { ok: true, path: hit };
  let realRoot = realRoots.get(root);
  if (!realRoot) realRoots.set(root, (realRoot = realpath(root)));
  try {
    const rootPath = await realRoot;
    const real = await realpath(path.join(rootPath, decoded));
    if (!real.startsWith(rootPath + path.sep) || !(await stat(real)).isFile()) return { ok: false, status: 404 };
    resolved.set(key, real);
    return { ok: true, path: real };
  } catch {
    return { ok: false, status: 404 };
  }
}
