import { Store } from './store.js';

export interface StorageInfo {
  /** False until the browser's answer is in: "not yet known" is not "this browser cannot tell". */
  readonly read: boolean;
  readonly usage: number | undefined;
  readonly quota: number | undefined;
  /** `undefined` where the browser cannot tell. */
  readonly persisted: boolean | undefined;
}

export const storageInfo = new Store<StorageInfo>({ read: false, usage: undefined, quota: undefined, persisted: undefined });

export async function refreshStorageInfo(): Promise<void> {
  const storage = navigator.storage;
  const estimate = await storage?.estimate?.().catch(() => undefined);
  const persisted = await storage?.persisted?.().catch(() => undefined);
  storageInfo.set({ read: true, usage: estimate?.usage, quota: estimate?.quota, persisted });
}

/** Asks the browser to keep downloads even when space runs low. Returns whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
  const granted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
  await refreshStorageInfo();
  return granted;
}
