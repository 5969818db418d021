import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

/** One line per request. The path only: a query string or a body could carry a secret. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info('request', {
        method: req.method,
        path: (req.originalUrl.split('?')[0] ?? '').slice(0, 300),
        status: res.statusCode,
        bytes: Number(res.getHeader('Content-Length') ?? 0),
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    next();
  };
}
