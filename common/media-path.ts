/** Every media file lives under this path: on the app's origin, or on MEDIA_BASE_URL's (a CDN). */
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

/**
 * An origin as the URL parser writes it back: lowercase http(s) host (names or IPv4; IPv6 in
 * brackets), a port only when it is not the scheme's default. Matched rather than parsed with
 * `URL` because common/ compiles against plain ES, and a written-back form is what the cache keys.
 */
const ORIGIN =
  /^(https?):\/\/((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::([1-9][0-9]{0,4}))?$/;

/** True for `https://cdn.example` or `http://127.0.0.1:8081`: a media origin the app can name. */
export function isMediaOrigin(origin: string): boolean {
  const match = ORIGIN.exec(origin);
  if (!match) return false;
  const port = match[3] === undefined ? undefined : Number(match[3]);
  const defaultPort = match[1] === 'https' ? 443 : 80;
  return port === undefined || (port <= 65535 && port !== defaultPort);
}

/** The origin and path of an absolute media URL (`https://cdn.example/media/a.opus`). */
function splitAbsolute(url: string): { origin: string; path: string } | undefined {
  const pathStart = url.indexOf('/', url.indexOf('://') + 3);
  if (!url.includes('://') || pathStart < 0) return undefined;
  return { origin: url.slice(0, pathStart), path: url.slice(pathStart) };
}

/**
 * A media URL as the server sends it: a safe path on the app's origin, or that same path on the
 * media origin (`https://cdn.example/media/a/b.ext`, MEDIA_BASE_URL): no credentials, no query or
 * fragment, written as the URL parser writes it back, so the string is its own cache key.
 */
export function isMediaUrl(url: string): boolean {
  if (url.startsWith('/')) return isSafeMediaPath(url);
  const parts = url.length <= 1024 ? splitAbsolute(url) : undefined;
  return parts !== undefined && isMediaOrigin(parts.origin) && isSafeMediaPath(parts.path);
}

/**
 * The file a media URL names, whichever origin serves it: what the app keys stored files by, so
 * a download stays playable when the operator moves the media to a CDN or back.
 */
export const mediaPathOf = (url: string): string => (url.startsWith('/') ? url : (splitAbsolute(url)?.path ?? url));

/** A media path on the media origin; the path itself when the media is on the app's origin. */
export const mediaUrlOn = (mediaOrigin: string | undefined, path: string): string =>
  mediaOrigin ? `${mediaOrigin}${path}` : path;
