import { Router } from 'express';
import { z } from 'zod';
import { offlineActionSchema } from '#common/offline-actions';
import { HttpError } from '../http/http-error.js';
import { jsonBody, parseBody } from '../http/json-body.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import type { ActionStore } from '../storage/repository.js';

const deviceId = z.uuid();

/**
 * POST /api/actions: one offline action (follow, favourite, play…), applied once by its id.
 * GET /api/devices/<id>/library: what the server keeps for a device.
 */
export function actionsRouter(actions: ActionStore): Router {
  const router = Router();
  router
    .route('/actions')
    .post(...jsonBody('4kb'), (req, res) => {
      const action = parseBody(offlineActionSchema, req.body);
      const { applied } = actions.apply(action);
      res.status(applied ? 201 : 200).json({ id: action.id, applied });
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/devices/:deviceId/library')
    .get((req, res) => {
      const id = deviceId.safeParse(req.params.deviceId);
      if (!id.success) throw new HttpError(400, 'bad_request', 'the device id must be a UUID');
      res.setHeader('Cache-Control', 'no-store');
      res.json(actions.library(id.data));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
