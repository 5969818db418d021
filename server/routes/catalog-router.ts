import { Router } from 'express';
import type { CatalogService } from '../catalog/catalog-service.js';
import { sendJson } from '../http/json-entity.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';

/**
 * GET /api/catalog: the whole catalog (up to WHOLE_CATALOG_MAX releases) with a strong ETag,
 * compressed; 304 when the client's copy is current. The paged API is library-router.ts.
 */
export function catalogRouter(catalog: CatalogService): Router {
  const router = Router();
  router
    .route('/')
    .get(async (req, res) => {
      sendJson(req, res, await catalog.snapshot());
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
