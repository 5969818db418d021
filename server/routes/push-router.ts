import { Router } from 'express';
import { pushSubscriptionSchema, pushUnsubscribeSchema } from '#common/push-subscription';
import { HttpError } from '../http/http-error.js';
import { jsonBody, parseBody } from '../http/json-body.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import { checkPushEndpoint } from '../push/endpoint-policy.js';
import type { SubscriptionStore } from '../storage/repository.js';

export interface PushRouterDeps {
  readonly publicKey: string;
  readonly subscriptions: SubscriptionStore;
  readonly allowLoopback: boolean;
}

/** /api/push: the VAPID public key, and subscribing and unsubscribing. */
export function pushRouter({ publicKey, subscriptions, allowLoopback }: PushRouterDeps): Router {
  const router = Router();
  router
    .route('/key')
    .get((_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.json({ publicKey });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/subscriptions')
    .post(...jsonBody('16kb'), (req, res) => {
      const input = parseBody(pushSubscriptionSchema, req.body);
      const verdict = checkPushEndpoint(input.endpoint, { allowLoopback });
      if (!verdict.ok) throw new HttpError(400, 'forbidden_endpoint', `endpoint refused: ${verdict.reason}`);
      const { created } = subscriptions.upsert({
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        preferences: input.preferences ?? {},
      });
      res.status(created ? 201 : 200).json({ subscribed: true });
    })
    .delete(...jsonBody('4kb'), (req, res) => {
      const { endpoint } = parseBody(pushUnsubscribeSchema, req.body);
      subscriptions.remove(endpoint);
      res.status(204).end();
    })
    .all(methodNotAllowed(['POST', 'DELETE']));
  return router;
}
