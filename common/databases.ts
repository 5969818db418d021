/**
 * Every IndexedDB database the app opens, with its one object store. Tests that read the stores
 * import these names too.
 */
export const DATABASES = {
  /** The download ledger (common/download-ledger.ts): written by the page and the SW. */
  ledger: { database: 'stowaway', store: 'downloads' },
  /** Small settings and memory shared by the page and the SW (browser/state/app-state.ts). */
  state: { database: 'stowaway-state', store: 'keyval' },
  /** Actions taken offline, waiting to be sent (browser/outbox/outbox.ts). */
  outbox: { database: 'stowaway-outbox', store: 'actions' },
  /** What was playing: the queue, the track and its position (client/player/player-session.ts). */
  playerSession: { database: 'stowaway-player', store: 'session' },
  /** Releases the person has seen or downloaded, for the library offline (sw/library/release-store.ts). */
  releases: { database: 'stowaway-releases', store: 'releases' },
} as const;
