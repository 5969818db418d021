import { CATALOG_REFRESH_MIN_INTERVAL_MS, SYNC_TAGS } from '#common/sync-tags';
import { serviceWorkerReady } from '../sw-bridge.js';

/** Whether the catalog is refreshed in the background (Periodic Background Sync, Chromium). */
export async function backgroundRefreshEnabled(): Promise<boolean> {
  const tags = (await (await serviceWorkerReady()).periodicSync?.getTags().catch(() => [])) ?? [];
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
