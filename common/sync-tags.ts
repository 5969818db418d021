/** Tags for periodic sync and background sync registrations. */
export const SYNC_TAGS = {
  catalogRefresh: 'stowaway-catalog-refresh',
  outbox: 'stowaway-outbox',
} as const;

/** Browsers fire periodic sync at most about this often; we ask for no more than once a day. */
export const CATALOG_REFRESH_MIN_INTERVAL_MS = 24 * 60 * 60 * 1000;
