import { API } from '#common/routes';

declare const self: ServiceWorkerGlobalScope;

interface PushSubscriptionChangeEvent extends ExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}

/**
 * pushsubscriptionchange: the browser replaced the subscription; keep the server's copy in step.
 * The old one is deleted first, with its auth secret as proof: the server changes a known
 * endpoint only for the holder of its secret, so new keys on the same endpoint need that.
 */
export function handleSubscriptionChange(event: Event): void {
  const change = event as PushSubscriptionChangeEvent;
  change.waitUntil(
    (async () => {
      const old = change.oldSubscription;
      let next = change.newSubscription;
      if (old) {
        // A failed DELETE must not keep the new subscription from being registered.
        await fetch(API.pushSubscriptions, {
          method: 'DELETE',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ endpoint: old.endpoint, auth: old.toJSON().keys?.['auth'] }),
        }).catch(() => undefined);
      }
      if (!next && old) {
        const { publicKey } = (await (await fetch(API.pushKey)).json()) as { publicKey: string };
        next = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
      }
      if (next) {
        await fetch(API.pushSubscriptions, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(next.toJSON()),
        });
      }
    })(),
  );
}
