import type { DeadLetter } from '#common/delivery-status';
import { redactEndpoint } from '../push/endpoint-policy.js';
import { Router } from 'express';
import { releaseToPublishSchema } from '#common/catalog';
import { requireAdmin } from '../admin/require-admin.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import { verifyReleaseFiles } from '../catalog/verify-release-files.js';
import { HttpError } from '../http/http-error.js';
import { jsonBody, parseBody } from '../http/json-body.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import type { DeliveryStore } from '../delivery/delivery-store.js';
import { ReleaseExistsError } from '../storage/repository.js';

export interface ReleasesRouterDeps {
  readonly adminToken: string;
  readonly catalog: CatalogService;
  readonly mediaDir: string;
  readonly deliveries: DeliveryStore;
}

/**
 * POST /api/releases (admin): checks the release and its files (adding the block hashes the
 * browser verifies downloads with), adds it to the catalog and queues its alert in one
 * transaction, and answers 201 at once with the delivery's status (common/delivery-status.ts).
 * GET /api/releases/<id>/delivery (admin): that status as the alert goes out.
 */
export function releasesRouter({ adminToken, catalog, mediaDir, deliveries }: ReleasesRouterDeps): Router {
  const router = Router();
  router
    .route('/')
    .post(requireAdmin(adminToken), ...jsonBody('1mb'), async (req, res) => {
      const given = parseBody(releaseToPublishSchema, req.body);
      if (await catalog.has(given.id)) throw new HttpError(409, 'conflict', `a release with id "${given.id}" already exists`);
      const conflicts = await catalog.typeConflicts(given);
      if (conflicts.length > 0) throw new HttpError(409, 'conflict', conflicts.slice(0, 10).join('; '));
      const checked = await verifyReleaseFiles(mediaDir, given);
      if (!checked.ok) throw new HttpError(400, 'invalid_body', checked.problems.slice(0, 10).join('; '));
      const { release } = checked;
      try {
        await catalog.publish(release);
      } catch (error) {
        if (error instanceof ReleaseExistsError) throw new HttpError(409, 'conflict', error.message);
        throw error;
      }
      res.status(201).json({ release: { id: release.id }, delivery: await deliveries.ofRelease(release.id) });
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/:id/delivery')
    .get(requireAdmin(adminToken), async (req, res) => {
      const delivery = await deliveries.ofRelease(req.params.id);
      if (!delivery) throw new HttpError(404, 'not_found', 'no alert was queued for a release with this id');
      res.setHeader('Cache-Control', 'no-store');
      res.json(delivery);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/:id/delivery/dead-letters')
    .get(requireAdmin(adminToken), async (req, res) => {
      if (!(await deliveries.ofRelease(req.params.id))) {
        throw new HttpError(404, 'not_found', 'no alert was queued for a release with this id');
      }
      const deadLetters: DeadLetter[] = (await deliveries.deadLetters(req.params.id)).map(({ endpoint, tries }) => ({
        endpoint: redactEndpoint(endpoint),
        tries,
      }));
      res.setHeader('Cache-Control', 'no-store');
      res.json({ releaseId: req.params.id, deadLetters });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
