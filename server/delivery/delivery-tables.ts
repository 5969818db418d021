/**
 * The delivery tables, in SQL both SQLite and PostgreSQL read alike (text, integer, no STRICT):
 * one row per published release's alert, and one per subscriber it was queued for. `sends`:
 * the tries that may have reached the push service (counted before a batch's posts, less those
 * not made or refused with "try later", which `unsent` counts); above 1, a resend.
 */
export const DELIVERY_TABLES = `
   CREATE TABLE deliveries (
     id         TEXT PRIMARY KEY,
     release_id TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     fanned_out INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE delivery_targets (
     delivery_id   TEXT NOT NULL,
     endpoint      TEXT NOT NULL,
     state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'removed')),
     sends         INTEGER NOT NULL DEFAULT 0,
     unsent        INTEGER NOT NULL DEFAULT 0,
     dead_lettered INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (delivery_id, endpoint)
   );`;
