/** What this browser can do, so the app offers only what works here and says why in Settings. */
export interface Capabilities {
  readonly serviceWorker: boolean;
  readonly backgroundFetch: boolean;
  readonly periodicSync: boolean;
  readonly backgroundSync: boolean;
  readonly push: boolean;
  readonly notifications: boolean;
  readonly appBadge: boolean;
  readonly persistentStorage: boolean;
}

export function detectCapabilities(): Capabilities {
  const w = window as unknown as Record<string, unknown>;
  return {
    serviceWorker: 'serviceWorker' in navigator,
    backgroundFetch: 'BackgroundFetchManager' in w,
    periodicSync: 'PeriodicSyncManager' in w,
    backgroundSync: 'SyncManager' in w,
    push: 'PushManager' in w,
    notifications: 'Notification' in w,
    appBadge: 'setAppBadge' in navigator,
    persistentStorage: typeof navigator.storage?.persist === 'function',
  };
}
