import type { Route } from './router.js';

const APP = 'Stowaway';

/**
 * The document title for a route, page first ("Harbour Lights — Stowaway"): what a tab, the history
 * and a screen reader name. `releaseTitle` is the release's own title when the catalog knows it.
 */
export function pageTitle(route: Route, releaseTitle?: string): string {
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
      return `${releaseTitle ?? 'Release'} — ${APP}`;
    case 'not-found':
      return `Page not found — ${APP}`;
  }
}
