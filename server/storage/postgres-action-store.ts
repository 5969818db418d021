import type pg from 'pg';
import type { OfflineAction } from '#common/offline-actions';
import { RECENTLY_PLAYED } from './sqlite-action-store.js';
import type { ActionStore } from './repository.js';
import { inTransaction } from './postgres-transaction.js';

const EFFECTS: Record<OfflineAction['type'], string | undefined> = {
  follow: 'INSERT INTO follows (device_id, artist) VALUES ($1, $2) ON CONFLICT DO NOTHING',
  unfollow: 'DELETE FROM follows WHERE device_id = $1 AND artist = $2',
  favourite: 'INSERT INTO favourites (device_id, track) VALUES ($1, $2) ON CONFLICT DO NOTHING',
  unfavourite: 'DELETE FROM favourites WHERE device_id = $1 AND track = $2',
  play: undefined, // the action row itself is the play
};

/** Offline actions in PostgreSQL: the action's id is the primary key, so a replay is a no-op. */
export function postgresActionStore(pool: pg.Pool): ActionStore {
  return {
    apply: (action, receivedAt = new Date()) =>
      inTransaction(pool, async (client) => {
        const inserted = await client.query(
          `INSERT INTO actions (id, device_id, type, subject, at, received_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO NOTHING`,
          [action.id, action.deviceId, action.type, action.subject, action.at, receivedAt],
        );
        const applied = (inserted.rowCount ?? 0) > 0;
        const effect = EFFECTS[action.type];
        if (applied && effect) await client.query(effect, [action.deviceId, action.subject]);
        return { applied };
      }),
    async library(deviceId) {
      const [follows, favourites, plays] = await Promise.all([
        pool.query<{ artist: string }>('SELECT artist FROM follows WHERE device_id = $1 ORDER BY artist', [deviceId]),
        pool.query<{ track: string }>('SELECT track FROM favourites WHERE device_id = $1 ORDER BY track', [deviceId]),
        pool.query<{ track: string; at: string }>(
          "SELECT subject AS track, at FROM actions WHERE device_id = $1 AND type = 'play' ORDER BY at DESC LIMIT $2",
          [deviceId, RECENTLY_PLAYED],
        ),
      ]);
      return {
        follows: follows.rows.map((r) => r.artist),
        favourites: favourites.rows.map((r) => r.track),
        recentlyPlayed: plays.rows,
      };
    },
  };
}
