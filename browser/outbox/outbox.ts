import { createStore, del, entries, set } from 'idb-keyval';
import { DATABASES } from '#common/databases';
import { DEVICE_KEY_HEADER } from '#common/device-key';
import type { OfflineAction, OfflineActionType } from '#common/offline-actions';
import { API } from '#common/routes';
import { appState } from '../state/app-state.js';

/**
 * Actions taken offline wait here (IndexedDB) and are sent in the order they were taken, by the
 * `sync` event where the browser has Background Sync and on every app start everywhere.
 */
const store = createStore(DATABASES.outbox.database, DATABASES.outbox.store);
let sequence = 0;

export async function enqueueAction(type: OfflineActionType, subject: string): Promise<void> {
  const action: OfflineAction = {
    id: crypto.randomUUID(),
    deviceId: await appState.deviceId(),
    type,
    subject,
    at: new Date().toISOString(),
  };
  // Keys sort by time, then by a counter for actions within the same millisecond.
  const key = `${String(Date.now()).padStart(15, '0')}-${String(sequence++).padStart(6, '0')}-${action.id}`;
  await set(key, action, store);
}

/**
 * Sends every queued action in order. Returns false when the network or the server failed, so the
 * rest waits for the next try; an action the server refuses as invalid is dropped (it never will).
 */
export async function replayOutbox(): Promise<boolean> {
  const queued = (await entries<string, OfflineAction>(store)).sort(([a], [b]) => (a < b ? -1 : 1));
  const deviceKey = queued.length > 0 ? await appState.deviceKey() : '';
  for (const [key, action] of queued) {
    let status: number;
    try {
      const response = await fetch(API.actions, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [DEVICE_KEY_HEADER]: deviceKey },
        body: JSON.stringify(action),
      });
      status = response.status;
    } catch {
      return false;
    }
    if (status >= 500 || status === 429) return false;
    await del(key, store);
  }
  return true;
}
