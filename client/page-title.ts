import type { Route } from './router.js';

const APP = 'Stowaway';

/** What a route's page is called: "Settings", or the release's title or the artist's name once loaded. */
export function pageName(route: Route, name?: string): string {
  switch (route.name) {
    case 'catalog':
      return 'Library';
    case 'downloads':
      return 'Downloads';
    case 'settings':
      return 'Settings';
    case 'now-playing':
      return 'Now playing';
    case 'release':
      return name ?? 'Release';
    case 'artist':
      return name ?? 'Artist';
    case 'not-found':
      return 'Page not found';
  }
}

/**
 * The document title for a route, page first ("Harbour Lights — Stowaway"): what a tab, the history
 * and a screen reader name. `name`: the release's title or the artist's name, once loaded.
 */
export function pageTitle(route: Route, name?: string): string {
  return `${pageName(route, name)} — ${APP}`;
}
