import type { Part } from '#common/catalog';
import { CACHE_NAMES } from '#common/cache-names';

// Used by the SW and by the page (the fallback downloader, the start-up check): `location` exists in both.
const keyOf = (url: string): string => new URL(url, location.origin).href;

/** Stores a checked part as a plain 200 under its own URL (Cache Storage refuses 206). */
export async function putPart(part: Part, body: Blob): Promise<void> {
  const cache = await caches.open(CACHE_NAMES.media);
  const headers = { 'Content-Type': part.type, 'Content-Length': String(body.size) };
  await cache.put(keyOf(part.url), new Response(body, { status: 200, headers }));
}

export async function deleteParts(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(CACHE_NAMES.media);
  await Promise.all(urls.map((url) => cache.delete(keyOf(url))));
}

/** The URLs among `parts` that are not in the media cache with their full size. */
export async function missingParts(parts: readonly Part[]): Promise<Part[]> {
  const cache = await caches.open(CACHE_NAMES.media);
  const checks = await Promise.all(
    parts.map(async (part) => {
      const hit = await cache.match(keyOf(part.url));
      return hit && Number(hit.headers.get('Content-Length')) === part.bytes ? undefined : part;
    }),
  );
  return checks.filter((p): p is Part => p !== undefined);
}
