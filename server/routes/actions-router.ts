import { Router } from 'express';
import { z } from 'zod';
import { offlineActionSchema } from '#common/offline-actions';
import { deviceAccess } from '../devices/device-key.js';
import { HttpError } from '../http/http-error.js';
import { jsonBody, parseBody } from '../http/json-body.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import type { ActionStore, DeviceStore } from '../storage/repository.js';

const deviceId = z.uuid();

/**
 * POST /api/actions: one offline action (follow, favourite, play…), applied once by its id.
 * GET /api/devices/<id>/library: what the server keeps for a device.
 * Both need the device's key (common/device-key.ts); the id is only a name.
 */
export function actionsRouter(actions: ActionStore, devices: DeviceStore): Router {
  const access = deviceAccess(devices);
  const router = Router();
  router
    .route('/actions')
    .post(...jsonBody('4kb'), async (req, res) => {
      const action = parseBody(offlineActionSchema, req.body);
      await access.claim(req, action.deviceId);
      const { applied } = await actions.apply(action);
      res.status(applied ? 201 : 200).json({ id: action.id, applied });
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/devices/:deviceId/library')
    .get(async (req, res) => {
      const id = deviceId.safeParse(req.params.deviceId);
      if (!id.success) throw new HttpError(400, 'bad_request', 'the device id must be a UUID');
      await access.check(req, id.data);
      res.setHeader('Cache-Control', 'no-store');
      res.json(await actions.library(id.data));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
