import type { Route } from './router.js';

const APP = 'Stowaway';

/**
 * The document title for a route, page first ("Harbour Lights — Stowaway"): what a tab, the history
 * and a screen reader name. `name`: the release's title or the artist's name, once loaded.
 */
export function pageTitle(route: Route, name?: string): string {
  switch (route.name) {
    case 'catalog':
      return `Library — ${APP}`;
    case 'downloads':
      return `Downloads — ${APP}`;
    case 'settings':
      return `Settings — ${APP}`;
    case 'now-playing':
      return `Now playing — ${APP}`;
    case 'release':
      return `${name ?? 'Release'} — ${APP}`;
    case 'artist':
      return `${name ?? 'Artist'} — ${APP}`;
    case 'not-found':
      return `Page not found — ${APP}`;
  }
}
