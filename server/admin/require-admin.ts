import type { RequestHandler } from 'express';
import { HttpError } from '../http/http-error.js';
import { sameSecret, sha256 } from '../http/same-secret.js';

/** `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
export function requireAdmin(adminToken: string): RequestHandler {
  const expected = sha256(adminToken);
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (match && sameSecret(match[1] ?? '', expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="stowaway-admin"');
    next(new HttpError(401, 'unauthorized', 'this route needs Authorization: Bearer <ADMIN_TOKEN>'));
  };
}
