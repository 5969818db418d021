/**
 * Messages between the page and the service worker (postMessage), both ways.
 * The page talks to the SW only through `client/sw-bridge.ts`.
 */

/** Page → SW. Messages with a reply carry a MessagePort in `event.ports[0]`. */
export type PageToSw =
  | { readonly type: 'skip-waiting' }
  /** The page loaded a fresh catalog: look for new releases to auto-download (no fetch). */
  | { readonly type: 'check-new-releases' }
  /** Fallback downloader: one fetched part (its Blob in `body`) to check and store. Replies PartStored. */
  | { readonly type: 'store-part'; readonly releaseId: string; readonly url: string; readonly body: unknown }
  /** Fallback downloader: every part was sent; mark the release available offline. Replies PartStored. */
  | { readonly type: 'complete-download'; readonly releaseId: string }
  /** Cancel or remove: delete the release's parts from the media cache and its ledger record. */
  | { readonly type: 'discard-download'; readonly releaseId: string }
  /** Fallback downloader gave up for good (the disk is full): delete its parts, record why. */
  | { readonly type: 'fail-download'; readonly releaseId: string; readonly reason: string };

export interface SwReply {
  readonly ok: boolean;
  readonly error?: string;
  /** The media cache refused a write (QuotaExceededError): retrying this part cannot help. */
  readonly storageFull?: boolean;
}

/** SW → page. */
export type SwToPage = { readonly type: 'catalog-updated' } | { readonly type: 'download-changed'; readonly releaseId: string };

export function isSwToPage(data: unknown): data is SwToPage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}
