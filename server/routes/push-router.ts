import { Router } from 'express';
import { pushSubscriptionSchema, pushUnsubscribeSchema } from '#common/push-subscription';
import { HttpError } from '../http/http-error.js';
import { jsonBody, parseBody } from '../http/json-body.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import { sameSecret } from '../http/same-secret.js';
import { forbiddenAddressOf, type ResolveHost } from '../push/endpoint-address.js';
import { checkPushEndpoint, type PushEndpoint } from '../push/endpoint-policy.js';
import type { SubscriptionStore } from '../storage/repository.js';

export interface PushRouterDeps {
  readonly publicKey: string;
  readonly subscriptions: SubscriptionStore;
  readonly allowLoopback: boolean;
  /** The push resolver (cached, with its own timeout), or a fake in tests. */
  readonly resolveHost: ResolveHost;
}

/**
 * /api/push: the VAPID public key, and subscribing and unsubscribing.
 *
 * Changing or deleting a known subscription needs its `auth` secret, which only the browser that
 * made it holds: an endpoint alone (it reaches logs, proxies, push services) is not enough. A
 * request without the proof changes nothing and gets the same answer as one with it, so the API
 * never tells whether an endpoint is known.
 */
export function pushRouter({ publicKey, subscriptions, allowLoopback, resolveHost }: PushRouterDeps): Router {
  /**
   * A known push host that resolves to a private address is refused now, with a reason the
   * browser can show. When DNS does not answer, the subscription is kept: the sender checks the
   * address again at connect time, and losing a subscriber to a resolver hiccup helps no one.
   */
  async function refuseForbiddenAddress(endpoint: PushEndpoint): Promise<void> {
    const forbidden = await forbiddenAddressOf(endpoint.host.replace(/^\[|\]$/g, ''), resolveHost, { allowLoopback }).catch(
      () => undefined,
    );
    if (forbidden !== undefined) {
      throw new HttpError(400, 'forbidden_endpoint', `endpoint refused: ${endpoint.host} resolves to a non-public address`);
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
      const endpoint = checkPushEndpoint(input.endpoint, { allowLoopback });
      if (!endpoint.ok) throw new HttpError(400, 'forbidden_endpoint', `endpoint refused: ${endpoint.reason}`);
      await refuseForbiddenAddress(endpoint);
      const known = await subscriptions.get(endpoint.href);
      if (!known || sameSecret(input.keys.auth, known.auth)) {
        await subscriptions.upsert({
          endpoint: endpoint.href,
          p256dh: input.keys.p256dh,
          auth: input.keys.auth,
          preferences: input.preferences ?? {},
        });
      }
      res.status(201).json({ subscribed: true });
    })
    .delete(...jsonBody('4kb'), async (req, res) => {
      const input = parseBody(pushUnsubscribeSchema, req.body);
      const endpoint = checkPushEndpoint(input.endpoint, { allowLoopback });
      const known = endpoint.ok ? await subscriptions.get(endpoint.href) : undefined;
      if (known && sameSecret(input.auth, known.auth)) await subscriptions.remove(known.endpoint);
      res.status(204).end();
    })
    .all(methodNotAllowed(['POST', 'DELETE']));
  return router;
}
