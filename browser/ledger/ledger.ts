import { createStore, get, promisifyRequest, values } from 'idb-keyval';
import { createLedger, type LedgerStorage } from '#common/create-ledger';
import { DATABASES } from '#common/databases';
import { LEDGER_CHANNEL, downloadId, isDownloadRecord } from '#common/download-ledger';

const store = createStore(DATABASES.ledger.database, DATABASES.ledger.store);

/** IndexedDB storage for the ledger: each update is one readwrite transaction. */
const storage: LedgerStorage = {
  get: (key) => get(key, store),
  values: () => values(store),
  update: (key, change) =>
    store('readwrite', (objects) => {
      const read = objects.get(key);
      read.onsuccess = () => {
        const next = change(read.result);
        if (next === null) objects.delete(key);
        else if (next !== undefined) objects.put(next, key);
      };
      return promisifyRequest(objects.transaction);
    }),
  updateAll: (change) =>
    store('readwrite', (objects) => {
      const read = objects.getAll();
      read.onsuccess = () => {
        const records = (read.result as unknown[]).filter(isDownloadRecord);
        for (const record of change(records)) objects.put(record, downloadId(record.releaseId));
      };
      return promisifyRequest(objects.transaction);
    }),
};

type Listener = (releaseId: string) => void;
const listeners = new Set<Listener>();
// One channel per context: it reaches every other page and the SW, but not its own context,
// whose listeners are called directly.
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(LEDGER_CHANNEL) : undefined;
channel?.addEventListener('message', (event: MessageEvent<{ releaseId?: unknown }>) => {
  if (typeof event.data?.releaseId === 'string') for (const listener of listeners) listener(event.data.releaseId);
});

function announce(releaseId: string): void {
  channel?.postMessage({ releaseId });
  for (const listener of listeners) listener(releaseId);
}

/** The download ledger, shared by every page and the SW (one IndexedDB store). */
export const ledger = createLedger(storage, announce);

/** Calls `listener` with the release id of every ledger change, made here or in any other context. */
export function onLedgerChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
