/**
 * Messages between the page and the service worker (postMessage), both ways.
 * The page talks to the SW only through `client/sw-bridge.ts`.
 */

/** Page → SW. */
export type PageToSw = { readonly type: 'skip-waiting' } | { readonly type: 'refresh-catalog' };

/** SW → page. */
export type SwToPage = { readonly type: 'catalog-updated' } | { readonly type: 'download-changed'; readonly releaseId: string };

export function isSwToPage(data: unknown): data is SwToPage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}
