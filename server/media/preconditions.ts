import type { Request } from 'express';

/**
 * If-Match and If-Unmodified-Since (RFC 9110 §13.2.2, evaluated before If-None-Match): a client
 * that asks for bytes of one version only (a resumed download) must get 412, never bytes of
 * another. If-Match compares strongly, so a weak tag never matches; an unreadable date is ignored.
 */
export function preconditionFailed(req: Request, etag: string, mtime: Date): boolean {
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined) return !ifMatch.split(',').some((tag) => ['*', etag].includes(tag.trim()));
  const since = Date.parse(req.headers['if-unmodified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) * 1000 > since;
}
