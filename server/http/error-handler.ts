import type { ErrorRequestHandler, RequestHandler } from 'express';
import { apiError, type ApiErrorCode } from '#common/api-error';
import type { Logger } from '../logger.js';
import { HttpError } from './http-error.js';
import { loggedPath } from './request-log.js';

/** body-parser's error types, mapped to what the person sending the request can act on. */
const BODY_ERRORS: Readonly<Record<string, HttpError>> = {
  'entity.parse.failed': new HttpError(400, 'bad_request', 'the body is not valid JSON'),
  'entity.too.large': new HttpError(413, 'payload_too_large', 'the body is too large'),
  'encoding.unsupported': new HttpError(415, 'unsupported_media_type', 'unsupported body encoding'),
  'charset.unsupported': new HttpError(415, 'unsupported_media_type', 'unsupported charset'),
  'request.aborted': new HttpError(400, 'bad_request', 'the request was aborted'),
};

const CLIENT_ERROR_CODES: Readonly<Record<number, ApiErrorCode>> = {
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * A client's mistake found below our handlers (a path Express cannot percent-decode, a body that
 * does not inflate): those libraries mark it with a 4xx status. It gets that status and a generic
 * message (theirs may quote the input), and only the request log (info) records it: what clients
 * send must never be able to fill the error log.
 */
function clientError(error: unknown): HttpError | undefined {
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code > 499) return undefined;
  return new HttpError(code, CLIENT_ERROR_CODES[code] ?? 'bad_request', 'the request is malformed');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const type = (error as { type?: string }).type;
    const known = error instanceof HttpError ? error : ((type ? BODY_ERRORS[type] : undefined) ?? clientError(error));
    if (!known) logger.error('unhandled error', { method: req.method, path: loggedPath(req.originalUrl), error: String(error) });
    const answer = known ?? new HttpError(500, 'internal', 'internal error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(answer.status).json(apiError(answer.code, answer.message));
  };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(apiError('not_found', `nothing at ${req.method} ${loggedPath(req.originalUrl).slice(0, 200)}`));
};
