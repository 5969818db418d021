import { CATALOG_REFRESH_MIN_INTERVAL_MS, SYNC_TAGS } from '#common/sync-tags';
import { appState } from '#browser/state/app-state';
import { Store } from '../state/store.js';
import { currentRegistration, serviceWorkerReady } from '../sw-bridge.js';

/** When the SW last refreshed the catalog in the background; kept up to date while the app is open. */
export const lastBackgroundRefresh = new Store<number | undefined>(undefined);

export async function loadLastBackgroundRefresh(): Promise<void> {
  const stored = await appState.lastBackgroundRefresh();
  // A message from the SW may have arrived while this was read: the later time wins.
  if (stored !== undefined && stored > (lastBackgroundRefresh.value ?? 0)) lastBackgroundRefresh.set(stored);
}

/** Whether the catalog is refreshed in the background (Periodic Background Sync, Chromium). */
export async function backgroundRefreshEnabled(): Promise<boolean> {
  // The registration as it is (see notificationsEnabled): none, or none yet, has no tags.
  const tags = (await (await currentRegistration())?.periodicSync?.getTags().catch(() => [])) ?? [];
  return tags.includes(SYNC_TAGS.catalogRefresh);
}

export async function enableBackgroundRefresh(): Promise<void> {
  const registration = await serviceWorkerReady();
  if (!registration.periodicSync) throw new Error('This browser cannot refresh in the background.');
  const status = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName }).catch(() => undefined);
  if (status?.state === 'denied') {
    throw new Error('The browser allows background refresh only for installed apps: install Stowaway, then turn this on.');
  }
  try {
    await registration.periodicSync.register(SYNC_TAGS.catalogRefresh, { minInterval: CATALOG_REFRESH_MIN_INTERVAL_MS });
  } catch {
    throw new Error('The browser refused background refresh. Install Stowaway as an app, then try again.');
  }
}

export async function disableBackgroundRefresh(): Promise<void> {
  await (await serviceWorkerReady()).periodicSync?.unregister(SYNC_TAGS.catalogRefresh);
}
