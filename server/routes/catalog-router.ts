import { Router } from 'express';
import type { CatalogService } from '../catalog/catalog-service.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';

/** GET /api/catalog: the whole catalog with a strong ETag; 304 when the client's copy is current. */
export function catalogRouter(catalog: CatalogService): Router {
  const router = Router();
  router
    .route('/')
    .get((req, res) => {
      const { body, etag } = catalog.snapshot;
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'no-cache');
      const ifNoneMatch = req.get('if-none-match');
      if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => [etag, `W/${etag}`, '*'].includes(tag.trim()))) {
        res.status(304).end();
        return;
      }
      res.type('application/json').send(body);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
