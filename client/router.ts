import { parseRoute, type PageRoute } from '#common/page-route';
import { Store } from './state/store.js';

/** The page shown; the same shape the server reads addresses with (common/page-route.ts). */
export type Route = PageRoute;

/** The current route, from real URLs (deep links work, and open offline through the SW). */
export const route = new Store<Route>(parseRoute(location.pathname));

/** The history state of an entry the app pushed: Back from it stays in the app. */
const IN_APP = { inApp: true } as const;

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(IN_APP, '', path);
  route.set(parseRoute(location.pathname));
  window.scrollTo(0, 0);
}

/**
 * Back to the page before, when the app opened this one; else (a deep link, a new tab) to
 * `fallback`, so closing a page never leaves the app.
 */
export function goBack(fallback: string): void {
  if ((history.state as typeof IN_APP | null)?.inApp) history.back();
  else navigate(fallback);
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
