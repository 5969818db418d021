import { CACHE_NAMES } from '#common/cache-names';
import { rangeResponse } from './range-response.js';
import { openStoredFile } from './stored-file.js';

declare const self: ServiceWorkerGlobalScope;

/**
 * /media/* (here or on the media origin): from the media cache when the file is downloaded (with Range), else from the network.
 * Downloads are stored as blocks under the plain URL, so the key never depends on the request's
 * headers; a file still downloading is served from the network until all the blocks asked for are in.
 */
export async function mediaFromCache(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAMES.media);
  const url = new URL(request.url);
  const range = request.headers.get('Range');
  // Stored under the file's path on our own origin, whichever origin the request went to.
  const file = await openStoredFile(cache, self.location.origin + url.pathname, firstByteAskedFor(range));
  const answer = file && (await rangeResponse(file, range));
  return answer ?? fetch(request);
}

/** Where a `bytes=N-…` range starts, to look up that block first; 0 for anything else. */
function firstByteAskedFor(range: string | null): number {
  const start = /^\s*bytes\s*=\s*(\d+)\s*-/i.exec(range ?? '')?.[1];
  return start ? Number(start) : 0;
}
