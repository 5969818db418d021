import type { ErrorRequestHandler, RequestHandler } from 'express';
import { apiError } from '#common/api-error';
import type { Logger } from '../logger.js';
import { HttpError } from './http-error.js';

/** body-parser's error types, mapped to what the person sending the request can act on. */
const BODY_ERRORS: Readonly<Record<string, HttpError>> = {
  'entity.parse.failed': new HttpError(400, 'bad_request', 'the body is not valid JSON'),
  'entity.too.large': new HttpError(413, 'payload_too_large', 'the body is too large'),
  'encoding.unsupported': new HttpError(415, 'unsupported_media_type', 'unsupported body encoding'),
  'charset.unsupported': new HttpError(415, 'unsupported_media_type', 'unsupported charset'),
  'request.aborted': new HttpError(400, 'bad_request', 'the request was aborted'),
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const type = (error as { type?: string }).type;
    const known = error instanceof HttpError ? error : type ? BODY_ERRORS[type] : undefined;
    if (!known) logger.error('unhandled error', { method: req.method, path: req.path, error: String(error) });
    const answer = known ?? new HttpError(500, 'internal', 'internal error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(answer.status).json(apiError(answer.code, answer.message));
  };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(apiError('not_found', `nothing at ${req.method} ${req.originalUrl.split('?')[0]?.slice(0, 200)}`));
};
