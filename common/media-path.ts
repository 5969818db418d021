/** Every media URL in the catalog is a plain same-origin path under this prefix. */
export const MEDIA_PREFIX = '/media/';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * True for `/media/a/b.ext` built only from safe segments: no `..`, no empty segment, no
 * percent-encoding, backslash, query or fragment, so the URL can never leave the media root
 * nor the origin, and the same string keys the cache and the file system.
 */
export function isSafeMediaPath(path: string): boolean {
  if (!path.startsWith(MEDIA_PREFIX) || path.length > 512) return false;
  const segments = path.slice(MEDIA_PREFIX.length).split('/');
  return segments.every((segment) => SEGMENT.test(segment) && !/^\.+$/.test(segment));
}
