import express, { type RequestHandler } from 'express';
import type { z } from 'zod';
import { describeIssues } from '#common/catalog';
import { HttpError } from './http-error.js';

/** Parses a JSON body of at most `limit`, refusing other content types with 415. */
export function jsonBody(limit: string): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    next(
      req.is('application/json') ? undefined : new HttpError(415, 'unsupported_media_type', 'send the body as application/json'),
    );
  };
  return [requireJson, express.json({ limit, strict: true, type: 'application/json' })];
}

/** Checks `req.body` against a schema; throws a 400 naming every problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, 'invalid_body', describeIssues(result.error));
  return result.data;
}
