/**
 * Cache Storage names. Workbox's precache lives under its own `-precache-` name and deletes only
 * those on activate; the media cache must never match that pattern, so an app update can never
 * delete a download.
 */
export const CACHE_NAMES = {
  media: 'stowaway-media-v1',
  /** Held the whole catalog before releases were stored one by one (sw/library/): deleted on activate. */
  legacyCatalog: 'stowaway-catalog-v1',
  precachePrefix: 'stowaway',
} as const;

/** Set by the SW on a library response it answered from what it stored, because the network failed. */
export const CATALOG_SOURCE_HEADER = 'X-Stowaway-Source';
