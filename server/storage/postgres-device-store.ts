import type pg from 'pg';
import type { DeviceStore } from './repository.js';

/** Device ids and the SHA-256 of each one's key; the first claim of an id wins (trust on first use). */
export function postgresDeviceStore(pool: pg.Pool): DeviceStore {
  return {
    async keyHash(deviceId) {
      const { rows } = await pool.query<{ key_hash: Buffer }>('SELECT key_hash FROM devices WHERE device_id = $1', [deviceId]);
      return rows[0]?.key_hash;
    },
    async claim(deviceId, hash) {
      // One statement: the row inserted, or the one a concurrent first claim inserted.
      const { rows } = await pool.query<{ key_hash: Buffer }>(
        `WITH added AS (
           INSERT INTO devices (device_id, key_hash, created_at) VALUES ($1, $2, now())
           ON CONFLICT (device_id) DO NOTHING RETURNING key_hash)
         SELECT key_hash FROM added UNION ALL SELECT key_hash FROM devices WHERE device_id = $1 LIMIT 1`,
        [deviceId, hash],
      );
      return rows[0]?.key_hash as Buffer;
    },
  };
}
