import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSafeMediaPath } from '#common/media-path';

export type MediaFile =
  | { readonly ok: true; readonly path: string; readonly size: number; readonly mtime: Date }
  | { readonly ok: false; readonly status: 400 | 404 };

const realRoots = new Map<string, Promise<string>>();

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
