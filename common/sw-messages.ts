/**
 * Messages between the page and the service worker (postMessage), both ways.
 * The page talks to the SW only through `client/sw-bridge.ts`.
 */

/** Page → SW. */
export type PageToSw =
  | { readonly type: 'skip-waiting' }
  /** The app opened: follow the change feed (new releases, auto-downloads). */
  | { readonly type: 'check-new-releases' };

/**
 * SW → page. Download changes do not travel here: the ledger announces every write itself
 * (a BroadcastChannel, browser/ledger/ledger.ts).
 */
export type SwToPage =
  | { readonly type: 'catalog-updated' }
  /** A periodic sync followed the change feed at `at` (ms since the epoch): Settings shows it. */
  | { readonly type: 'background-refreshed'; readonly at: number };

export function isSwToPage(data: unknown): data is SwToPage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}
