import type { Database } from 'better-sqlite3';
import type { PruneCounts } from './repository.js';

/** What the library shows of a device's plays; older plays serve nothing. */
export const PLAYS_KEPT_PER_DEVICE = 20;
/** How long an action's id is kept to recognise a replay; its effect (a follow…) stays after. */
export const ACTION_RETENTION_MS = 30 * 24 * 3600 * 1000;
/** How long a release alert's status (and its row per subscriber) is kept: one row per subscriber and release adds up. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** Deletes old deliveries with their targets (SQL both databases run). */
export const OLD_DELIVERIES_SQL = {
  targets: 'DELETE FROM delivery_targets WHERE delivery_id IN (SELECT id FROM deliveries WHERE created_at < ?)',
  deliveries: 'DELETE FROM deliveries WHERE created_at < ?',
} as const;

/**
 * The retention rules for the tables clients write to, so none grows without bound: each device's
 * plays beyond its 20 newest; any other action received more than 30 days ago (its effect is in
 * follows or favourites); and a device registered more than 30 days ago with nothing left. Times
 * are the server's (received_at, created_at), never the client's. Subscriptions are pruned by the
 * sender as their alerts fail (server/push/push-sender.ts). Release alerts go after 30 days, and
 * the embedded queue's dead jobs with them.
 */
export function pruneRows(db: Database): (now: Date) => PruneCounts {
  const extraPlays = db.prepare<[number], unknown>(
    `DELETE FROM actions WHERE rowid IN (
       SELECT rowid FROM (
         SELECT rowid, ROW_NUMBER() OVER (PARTITION BY device_id ORDER BY at DESC, id) AS n FROM actions WHERE type = 'play'
       ) WHERE n > ?)`,
  );
  const oldActions = db.prepare<[string], unknown>("DELETE FROM actions WHERE type != 'play' AND received_at < ?");
  const emptyDevices = db.prepare<[string], unknown>(
    `DELETE FROM devices WHERE created_at < ?
       AND device_id NOT IN (SELECT device_id FROM actions)
       AND device_id NOT IN (SELECT device_id FROM follows)
       AND device_id NOT IN (SELECT device_id FROM favourites)`,
  );
  const oldTargets = db.prepare<[string], unknown>(OLD_DELIVERIES_SQL.targets);
  const oldDeliveries = db.prepare<[string], unknown>(OLD_DELIVERIES_SQL.deliveries);
  const orphanJobs = db.prepare<[], unknown>(
    "DELETE FROM queue_jobs WHERE state = 'dead' AND json_extract(data, '$.deliveryId') NOT IN (SELECT id FROM deliveries)",
  );
  return (now) =>
    db.transaction(() => {
      const cutoff = new Date(now.getTime() - ACTION_RETENTION_MS).toISOString();
      const actions = extraPlays.run(PLAYS_KEPT_PER_DEVICE).changes + oldActions.run(cutoff).changes;
      const alertsCutoff = new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString();
      oldTargets.run(alertsCutoff);
      const deliveries = oldDeliveries.run(alertsCutoff).changes;
      orphanJobs.run();
      return { actions, devices: emptyDevices.run(cutoff).changes, deliveries };
    })();
}
