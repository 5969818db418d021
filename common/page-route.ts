import { PAGES } from './routes.js';

/** Which in-app page an address shows (PAGES): the client routes by it, the server preloads by it. */
export type PageRoute =
  | { readonly name: 'catalog' }
  | { readonly name: 'downloads' }
  | { readonly name: 'settings' }
  | { readonly name: 'now-playing' }
  | { readonly name: 'release'; readonly id: string }
  | { readonly name: 'artist'; readonly id: string }
  | { readonly name: 'not-found'; readonly path: string };

/** A path segment's text; undefined for a malformed escape such as `%E0`, which names no page. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function parseRoute(pathname: string): PageRoute {
  if (pathname === PAGES.catalog || pathname === '') return { name: 'catalog' };
  if (pathname === PAGES.downloads) return { name: 'downloads' };
  if (pathname === PAGES.settings) return { name: 'settings' };
  if (pathname === PAGES.nowPlaying) return { name: 'now-playing' };
  const [, kind, segment] = /^\/(releases|artists)\/([^/]+)$/.exec(pathname) ?? [];
  const id = segment === undefined ? undefined : decodeSegment(segment);
  if (id !== undefined) return { name: kind === 'releases' ? 'release' : 'artist', id };
  return { name: 'not-found', path: pathname };
}
