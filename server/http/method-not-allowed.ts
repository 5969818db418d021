import type { RequestHandler } from 'express';
import { apiError } from '#common/api-error';

/** The last handler on a route: 405 with the methods it does answer. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  return (req, res) => {
    res.setHeader('Allow', allowed.join(', '));
    res.status(405).json(apiError('method_not_allowed', `${req.method} is not allowed here; use ${allowed.join(' or ')}`));
  };
}
