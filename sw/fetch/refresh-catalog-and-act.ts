import { CACHE_NAMES } from '#common/cache-names';
import { validateCatalog, type Release } from '#common/catalog';
import { API } from '#common/routes';
import { startDownloadFromWorker } from '#browser/downloads/background-fetch-engine';
import { notifyPages } from '../lifecycle/notify-pages.js';
import { appState, type FollowPreference } from '#browser/state/app-state';
import { refreshCatalog } from './catalog-network-first.js';

declare const self: ServiceWorkerGlobalScope;

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
  for (const release of releases) {
    const preference = follows[release.artist];
    if (preference?.autoDownload && connectionAllows(preference)) {
      if (await startDownloadFromWorker(self.registration, release)) {
        await notifyPages({ type: 'download-changed', releaseId: release.id });
      }
    }
  }
}

/** "Only on an unmetered connection": refuse on cellular or data saver where the browser says so. */
function connectionAllows(preference: FollowPreference): boolean {
  if (!preference.unmeteredOnly) return true;
  const connection = (navigator as unknown as { connection?: { type?: string; saveData?: boolean } }).connection;
  if (!connection) return true; // the browser cannot tell: do as asked
  return connection.type !== 'cellular' && connection.saveData !== true;
}
