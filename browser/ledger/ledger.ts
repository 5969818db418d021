import { createStore, del, get, set, values } from 'idb-keyval';
import { LEDGER_DB, createLedger, type DownloadRecord } from '#common/download-ledger';

const store = createStore(LEDGER_DB.database, LEDGER_DB.store);

/** The SW's handle on the download ledger (the page opens the same database). */
export const ledger = createLedger({
  get: (key) => get<DownloadRecord>(key, store),
  set: (key, value) => set(key, value, store),
  del: (key) => del(key, store),
  values: () => values<DownloadRecord>(store),
});
