import type { z } from 'zod';
import { describeIssues } from '#common/catalog';
import { HttpError } from './http-error.js';

/** Checks a query string against a schema; throws a 400 naming every problem. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const result = schema.safeParse(query);
  if (!result.success) throw new HttpError(400, 'bad_request', describeIssues(result.error));
  return result.data;
}
