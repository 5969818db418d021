import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { apiError } from '#common/api-error';

/**
 * Caps the public write routes (subscribing, offline actions) per client address, so one client
 * cannot fill the database or the fan-out list. The limit is per minute and generous: a device
 * replaying a long outbox at start stays under it, and when it does not, the outbox keeps the rest
 * and tries again later (429 is "retry", see sw/outbox). Memory store: one server process.
 * Behind a reverse proxy on loopback the client address comes from X-Forwarded-For (trust proxy).
 */
export function writeRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
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
