import { PAGES } from '#common/routes';
import { Store } from './state/store.js';

export type Route =
  | { readonly name: 'catalog' }
  | { readonly name: 'downloads' }
  | { readonly name: 'settings' }
  | { readonly name: 'now-playing' }
  | { readonly name: 'release'; readonly id: string }
  | { readonly name: 'artist'; readonly id: string }
  | { readonly name: 'not-found'; readonly path: string };

export function parseRoute(pathname: string): Route {
  if (pathname === PAGES.catalog || pathname === '') return { name: 'catalog' };
  if (pathname === PAGES.downloads) return { name: 'downloads' };
  if (pathname === PAGES.settings) return { name: 'settings' };
  if (pathname === PAGES.nowPlaying) return { name: 'now-playing' };
  const release = /^\/releases\/([^/]+)$/.exec(pathname);
  if (release?.[1]) return { name: 'release', id: decodeURIComponent(release[1]) };
  const artist = /^\/artists\/([^/]+)$/.exec(pathname);
  if (artist?.[1]) return { name: 'artist', id: decodeURIComponent(artist[1]) };
  return { name: 'not-found', path: pathname };
}

/** The current route, from real URLs (deep links work, and open offline through the SW). */
export const route = new Store<Route>(parseRoute(location.pathname));

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  route.set(parseRoute(location.pathname));
  window.scrollTo(0, 0);
}

/** Same-origin link clicks become in-app navigations; the browser handles the rest. */
export function startRouter(): void {
  window.addEventListener('popstate', () => route.set(parseRoute(location.pathname)));
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
    if (anchor.pathname.startsWith('/media/') || anchor.pathname.startsWith('/api/')) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search);
  });
}
