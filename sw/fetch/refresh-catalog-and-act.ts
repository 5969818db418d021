import { CACHE_NAMES } from '#common/cache-names';
import { validateCatalog, type Release } from '#common/catalog';
import { API } from '#common/routes';
import { notifyPages } from '../lifecycle/notify-pages.js';
import { downloadFromWorker } from '../downloads/download-from-worker.js';
import { appState, type FollowPreference } from '#browser/state/app-state';
import { refreshCatalog } from './catalog-network-first.js';

/**
 * A catalog refresh in the background (periodic sync, a push): fetches the catalog conditionally,
 * acts on what is new, and tells open pages. Returns the releases new since the last look.
 */
export async function refreshCatalogAndAct(): Promise<Release[]> {
  if (!(await refreshCatalog())) return [];
  const added = await actOnNewReleases();
  await notifyPages({ type: 'catalog-updated' });
  return added;
}

/**
 * Compares the stored catalog with the release ids seen last time and starts downloads of new
 * releases by followed artists that asked for it. No network: when the app opens, the page has
 * just fetched the catalog through the SW, so only this part runs then.
 */
export async function actOnNewReleases(): Promise<Release[]> {
  const response = await (await caches.open(CACHE_NAMES.catalog)).match(API.catalog);
  const catalog = validateCatalog(await response?.json());
  if (!catalog.ok) return [];
  const known = await appState.knownReleaseIds();
  const releases = catalog.value.releases;
  await appState.setKnownReleaseIds(releases.map((r) => r.id));
  const added = known ? releases.filter((r) => !known.includes(r.id)) : [];
  await downloadFollowedReleases(added);
  return added;
}

async function downloadFollowedReleases(releases: readonly Release[]): Promise<void> {
  const follows = await appState.follows();
  const wanted = releases.filter((release) => {
    const preference = follows[release.artist];
    return preference?.autoDownload && connectionAllows(preference);
  });
  if (wanted.length > 0) await downloadFromWorker(wanted);
}

/** "Only on an unmetered connection": refuse on cellular or data saver where the browser says so. */
function connectionAllows(preference: FollowPreference): boolean {
  if (!preference.unmeteredOnly) return true;
  const connection = (navigator as unknown as { connection?: { type?: string; saveData?: boolean } }).connection;
  if (!connection) return true; // the browser cannot tell: do as asked
  return connection.type !== 'cellular' && connection.saveData !== true;
}
