import { Router } from 'express';
import { pushSubscriptionSchema, pushUnsubscribeSchema } from '#common/push-subscription';
import { HttpError } from '../http/http-error.js';
import { jsonBody, parseBody } from '../http/json-body.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import { forbiddenAddressOf, systemResolveHost, type ResolveHost } from '../push/endpoint-address.js';
import { checkPushEndpoint } from '../push/endpoint-policy.js';
import type { SubscriptionStore } from '../storage/repository.js';

export interface PushRouterDeps {
  readonly publicKey: string;
  readonly subscriptions: SubscriptionStore;
  readonly allowLoopback: boolean;
  readonly resolveHost?: ResolveHost;
}

const RESOLVE_TIMEOUT_MS = 3000;

/** /api/push: the VAPID public key, and subscribing and unsubscribing. */
export function pushRouter({ publicKey, subscriptions, allowLoopback, resolveHost = systemResolveHost }: PushRouterDeps): Router {
  /**
   * A known push host that resolves to a private address is refused now, with a reason the
   * browser can show. When DNS does not answer, the subscription is kept: the sender checks the
   * address again at connect time, and losing a subscriber to a resolver hiccup helps no one.
   */
  async function refuseForbiddenAddress(url: URL): Promise<void> {
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), RESOLVE_TIMEOUT_MS).unref());
    const forbidden = await Promise.race([
      forbiddenAddressOf(url.hostname.replace(/^\[|\]$/g, ''), resolveHost, { allowLoopback }).catch(() => undefined),
      timeout,
    ]);
    if (forbidden !== undefined) {
      throw new HttpError(400, 'forbidden_endpoint', `endpoint refused: ${url.hostname} resolves to a non-public address`);
    }
  }

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
    .post(...jsonBody('16kb'), async (req, res) => {
      const input = parseBody(pushSubscriptionSchema, req.body);
      const verdict = checkPushEndpoint(input.endpoint, { allowLoopback });
      if (!verdict.ok) throw new HttpError(400, 'forbidden_endpoint', `endpoint refused: ${verdict.reason}`);
      await refuseForbiddenAddress(verdict.url);
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
