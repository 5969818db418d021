import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

/**
 * One line per request. The path only (a query string or a body could carry a secret), with a
 * device id replaced by `:id`: the id is not a credential any more, but it ties one person's
 * requests together, and the log is no place for that.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info('request', {
        method: req.method,
        path: loggedPath(req.originalUrl),
        status: res.statusCode,
        bytes: Number(res.getHeader('Content-Length') ?? 0),
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    next();
  };
}

export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '').replace(/^\/api\/devices\/[^/]+/i, '/api/devices/:id').slice(0, 300);
}
