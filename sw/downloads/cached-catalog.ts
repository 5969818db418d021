import { validateRelease, type Release } from '#common/catalog';
import { CACHE_NAMES } from '#common/cache-names';
import { API } from '#common/routes';

/**
 * A release as the last stored catalog describes it, validated again here: the SW never downloads
 * or trusts parts that the catalog schema refuses (URLs off the origin, bad sizes or hashes).
 */
export async function releaseFromCachedCatalog(releaseId: string): Promise<Release | undefined> {
  const response = await (await caches.open(CACHE_NAMES.catalog)).match(API.catalog);
  if (!response) return undefined;
  const body = (await response.json()) as { releases?: unknown[] };
  const raw = body.releases?.find((r) => (r as { id?: unknown }).id === releaseId);
  const result = validateRelease(raw);
  return result.ok ? result.value : undefined;
}
