import type pg from 'pg';
import { numbered } from './numbered-placeholders.js';
import { ACTION_RETENTION_MS, DELIVERY_RETENTION_MS, OLD_DELIVERIES_SQL, PLAYS_KEPT_PER_DEVICE } from './prune-rows.js';
import type { PruneCounts } from './repository.js';
import { inTransaction } from './postgres-transaction.js';

/** The retention rules of prune-rows.ts, in PostgreSQL (pg-boss keeps its own dead letters 14 days). */
export function postgresPruneRows(pool: pg.Pool): (now: Date) => Promise<PruneCounts> {
  return (now) =>
    inTransaction(pool, async (client) => {
      const cutoff = new Date(now.getTime() - ACTION_RETENTION_MS);
      const plays = await client.query(
        `DELETE FROM actions WHERE id IN (
           SELECT id FROM (
             SELECT id, row_number() OVER (PARTITION BY device_id ORDER BY at DESC, id) AS n FROM actions WHERE type = 'play'
           ) ranked WHERE n > $1)`,
        [PLAYS_KEPT_PER_DEVICE],
      );
      const old = await client.query("DELETE FROM actions WHERE type <> 'play' AND received_at < $1", [cutoff]);
      const devices = await client.query(
        `DELETE FROM devices d WHERE created_at < $1
           AND NOT EXISTS (SELECT 1 FROM actions a WHERE a.device_id = d.device_id)
           AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.device_id = d.device_id)
           AND NOT EXISTS (SELECT 1 FROM favourites v WHERE v.device_id = d.device_id)`,
        [cutoff],
      );
      await client.query('DELETE FROM rate_limits WHERE reset_at < now()');
      const alertsCutoff = new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString();
      await client.query(numbered(OLD_DELIVERIES_SQL.targets), [alertsCutoff]);
      const deliveries = await client.query(numbered(OLD_DELIVERIES_SQL.deliveries), [alertsCutoff]);
      return {
        actions: (plays.rowCount ?? 0) + (old.rowCount ?? 0),
        devices: devices.rowCount ?? 0,
        deliveries: deliveries.rowCount ?? 0,
      };
    });
}
