import type { Database } from 'better-sqlite3';
import type { DeviceStore } from './repository.js';

/** Device ids and the SHA-256 of each one's key; the first claim of an id wins (trust on first use). */
export function sqliteDeviceStore(db: Database): DeviceStore {
  const find = db.prepare<[string], { key_hash: Buffer }>('SELECT key_hash FROM devices WHERE device_id = ?');
  const insert = db.prepare<[string, Buffer, string], unknown>(
    'INSERT OR IGNORE INTO devices (device_id, key_hash, created_at) VALUES (?, ?, ?)',
  );
  const keyHash = (deviceId: string) => find.get(deviceId)?.key_hash;
  return {
    keyHash: async (deviceId) => keyHash(deviceId),
    claim: async (deviceId, hash) =>
      db.transaction(() => {
        insert.run(deviceId, hash, new Date().toISOString());
        return keyHash(deviceId) as Buffer;
      })(),
  };
}
