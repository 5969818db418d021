import type { Database } from 'better-sqlite3';
import type { OfflineAction } from '#common/offline-actions';
import type { ActionStore } from './repository.js';

/** Plays the library lists, newest first. */
export const RECENTLY_PLAYED = 20;

/** Offline actions in SQLite: the action's id is the primary key, so a replay is a no-op. */
export function sqliteActionStore(db: Database): ActionStore {
  const insert = db.prepare<[string, string, string, string, string, string], unknown>(
    'INSERT OR IGNORE INTO actions (id, device_id, type, subject, at, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const effects: Record<OfflineAction['type'], ((device: string, subject: string) => unknown) | undefined> = {
    follow: stmt(db, 'INSERT OR IGNORE INTO follows (device_id, artist) VALUES (?, ?)'),
    unfollow: stmt(db, 'DELETE FROM follows WHERE device_id = ? AND artist = ?'),
    favourite: stmt(db, 'INSERT OR IGNORE INTO favourites (device_id, track) VALUES (?, ?)'),
    unfavourite: stmt(db, 'DELETE FROM favourites WHERE device_id = ? AND track = ?'),
    play: undefined, // the action row itself is the play
  };
  const follows = db.prepare<[string], { artist: string }>('SELECT artist FROM follows WHERE device_id = ? ORDER BY artist');
  const favourites = db.prepare<[string], { track: string }>('SELECT track FROM favourites WHERE device_id = ? ORDER BY track');
  const plays = db.prepare<[string, number], { track: string; at: string }>(
    "SELECT subject AS track, at FROM actions WHERE device_id = ? AND type = 'play' ORDER BY at DESC LIMIT ?",
  );
  return {
    apply: async (action, receivedAt = new Date()) =>
      db.transaction(() => {
        const row = [action.id, action.deviceId, action.type, action.subject, action.at, receivedAt.toISOString()] as const;
        const applied = insert.run(...row).changes > 0;
        if (applied) effects[action.type]?.(action.deviceId, action.subject);
        return { applied };
      })(),
    library: async (deviceId) => ({
      follows: follows.all(deviceId).map((r) => r.artist),
      favourites: favourites.all(deviceId).map((r) => r.track),
      recentlyPlayed: plays.all(deviceId, RECENTLY_PLAYED),
    }),
  };
}

function stmt(db: Database, sql: string) {
  const prepared = db.prepare<[string, string], unknown>(sql);
  return (device: string, subject: string) => prepared.run(device, subject);
}
