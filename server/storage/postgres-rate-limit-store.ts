import type pg from 'pg';
import type { Store } from 'express-rate-limit';

/**
 * express-rate-limit's counts in PostgreSQL, so every server process on one database shares a
 * client's allowance (the memory store gives each process its own: two processes, twice the
 * writes). Our own few lines rather than a store package: one fixed-window upsert on the pool we
 * have, in a table of our own migrations, instead of a second pool and a schema of its own.
 * Rows whose window has ended are deleted by the hourly prune.
 */
export function postgresRateLimitStore(pool: pg.Pool, windowMs: number): Store {
  return {
    localKeys: false,
    prefix: 'write:',
    async increment(key) {
      const { rows } = await pool.query<{ hits: number; reset_at: Date }>(
        `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0))
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
           reset_at = CASE WHEN rate_limits.reset_at <= now() THEN excluded.reset_at ELSE rate_limits.reset_at END
         RETURNING hits, reset_at`,
        [`write:${key}`, windowMs],
      );
      const row = rows[0];
      return { totalHits: row?.hits ?? 1, resetTime: row?.reset_at };
    },
    async decrement(key) {
      await pool.query('UPDATE rate_limits SET hits = greatest(hits - 1, 0) WHERE key = $1', [`write:${key}`]);
    },
    async resetKey(key) {
      await pool.query('DELETE FROM rate_limits WHERE key = $1', [`write:${key}`]);
    },
  };
}
