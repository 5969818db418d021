/** Every URL the server answers and the app navigates to, built in one place. */

export const API = {
  catalog: '/api/catalog',
  /** The paged library (common/catalog-page.ts): `?sort=&kind=&artist=&q=&cursor=&limit=`. */
  libraryReleases: '/api/library/releases',
  libraryRelease: (id: string): string => `/api/library/releases/${encodeURIComponent(id)}`,
  artists: '/api/artists',
  artist: (id: string): string => `/api/artists/${encodeURIComponent(id)}`,
  /** `?since=<version>`: what changed in the catalog since the version a client holds. */
  catalogChanges: '/api/catalog/changes',
  pushKey: '/api/push/key',
  pushSubscriptions: '/api/push/subscriptions',
  releases: '/api/releases',
  /** The alert's progress (common/delivery-status.ts), admin only. */
  releaseDelivery: (id: string): string => `/api/releases/${encodeURIComponent(id)}/delivery`,
  /** The subscribers whose alert was given up on (`{ deadLetters: DeadLetter[] }`), admin only. */
  releaseDeadLetters: (id: string): string => `/api/releases/${encodeURIComponent(id)}/delivery/dead-letters`,
  health: '/api/health',
  actions: '/api/actions',
  library: (deviceId: string): string => `/api/devices/${encodeURIComponent(deviceId)}/library`,
} as const;

/** In-app pages (client-side routes). Each opens offline through the navigation fallback. */
export const PAGES = {
  catalog: '/',
  downloads: '/downloads',
  settings: '/settings',
  nowPlaying: '/now-playing',
  release: (id: string): string => `/releases/${encodeURIComponent(id)}`,
  /** An artist's page: `id` is common/artist-id.ts's artistIdOf(name). */
  artist: (id: string): string => `/artists/${encodeURIComponent(id)}`,
} as const;
