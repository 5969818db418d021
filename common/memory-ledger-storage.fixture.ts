import type { LedgerStorage } from './create-ledger.js';
import { downloadId, isDownloadRecord } from './download-ledger.js';

/** The ledger's storage as a Map, for unit tests: every update is atomic because it is synchronous. */
export function memoryLedgerStorage(map = new Map<string, unknown>()): LedgerStorage & { map: Map<string, unknown> } {
  return {
    map,
    get: async (key) => map.get(key),
    values: async () => [...map.values()],
    async update(key, change) {
      const next = change(map.get(key));
      if (next === null) map.delete(key);
      else if (next !== undefined) map.set(key, next);
    },
    async updateAll(change) {
      for (const record of change([...map.values()].filter(isDownloadRecord))) map.set(downloadId(record.releaseId), record);
    },
  };
}
