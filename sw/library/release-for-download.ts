import { validateRelease, type Release } from '#common/catalog';
import { API } from '#common/routes';
import { releaseStore } from './release-store.js';

/**
 * The whole release a notification's Download button asks for: the stored copy (the push's own
 * refresh stored it), else the server's, validated here like every release a download starts from.
 */
export async function releaseForDownload(id: string): Promise<Release | undefined> {
  const stored = await releaseStore.release(id);
  if (stored) return stored;
  const response = await fetch(API.libraryRelease(id)).catch(() => undefined);
  const release = response?.ok ? validateRelease(await response.json()) : undefined;
  if (!release?.ok || release.value.id !== id) return undefined;
  await releaseStore.putRelease(release.value);
  return release.value;
}
