import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { apiError } from '#common/api-error';

const WINDOW_MS = 60_000;

/**
 * Caps the public write routes (subscribing, offline actions) per client address, so one client
 * cannot fill the database or the fan-out list. The limit is per minute and generous: a device
 * replaying a long outbox at start stays under it, and when it does not, the outbox keeps the rest
 * and tries again later (429 is "retry", see sw/outbox). Counted in memory with SQLite (one server
 * process), in the database with PostgreSQL, where several processes share one allowance.
 * Behind a reverse proxy on loopback the client address comes from X-Forwarded-For (trust proxy).
 */
export function writeRateLimit(perMinute: number, store?: (windowMs: number) => Store | undefined): RequestHandler {
  const shared = store?.(WINDOW_MS);
  return rateLimit({
    windowMs: WINDOW_MS,
    ...(shared ? { store: shared } : {}),
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: () => perMinute === 0,
    handler: (_req, res, _next, options) => {
      res
        .status(options.statusCode)
        .json(apiError('rate_limited', `too many writes from this address: at most ${perMinute} a minute`));
    },
  });
}
