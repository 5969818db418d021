import { API } from '#common/routes';
import { currentRegistration, serviceWorkerReady } from '../sw-bridge.js';
import { withTimeout } from '../with-timeout.js';

/**
 * How long turning alerts on may take once permission is given. Chromium's subscribe() waits for
 * its push service with no limit of its own (over 100 s seen), and a person waits only seconds.
 */
export const ENABLE_NOTIFICATIONS_TIMEOUT_MS = 12_000;

const UNREACHABLE = 'The push service did not answer, so alerts are still off. Check your connection and try again later.';

/** Whether this device gets new-release alerts: the browser's permission and the subscription. */
export async function notificationsEnabled(): Promise<boolean> {
  if (!('PushManager' in window) || Notification.permission !== 'granted') return false;
  // Not the ready registration: on a slow first visit Settings waited for the whole install (and
  // for ever when it failed); a registration that is not there has no subscription.
  const registration = await currentRegistration();
  return registration ? (await registration.pushManager.getSubscription()) !== null : false;
}

/**
 * "Notify me about new releases": asks for permission (only ever after this click), subscribes with
 * the server's VAPID key and registers the subscription with the server.
 */
export async function enableNotifications(): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    throw new Error(
      permission === 'denied'
        ? 'Notifications are blocked for this site. To allow them, open the site settings (in the browser, the icon at the left of the address bar; for the installed app, its app info in the device’s settings), set Notifications to Allow, then try again.'
        : 'Notifications were not allowed. Press the button again to be asked again.',
    );
  }
  // The clock starts after the permission prompt: a person may take their time over that. A
  // subscription that arrives too late is dropped, since the server never heard of it.
  const subscription = await withTimeout(
    subscribe(),
    ENABLE_NOTIFICATIONS_TIMEOUT_MS,
    UNREACHABLE,
    (late) => void late.unsubscribe(),
  );
  const response = await withTimeout(
    fetch(API.pushSubscriptions, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(subscription.toJSON()),
    }),
    ENABLE_NOTIFICATIONS_TIMEOUT_MS,
    'The server did not answer.',
  ).catch(() => undefined);
  if (!response?.ok) {
    await subscription.unsubscribe();
    throw new Error('The server could not be reached to turn alerts on. Try again when you are online.');
  }
}

async function subscribe(): Promise<PushSubscription> {
  const key = await fetch(API.pushKey).catch(() => undefined);
  if (!key?.ok) throw new Error('The server could not be reached to turn alerts on. Try again when you are online.');
  const { publicKey } = (await key.json()) as { publicKey: string };
  const registration = await serviceWorkerReady();
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
}

/**
 * Turns alerts off: the server forgets the subscription, then the browser drops it. The server
 * deletes only with the subscription's auth secret as proof (common/push-subscription.ts).
 */
export async function disableNotifications(): Promise<void> {
  const subscription = await (await serviceWorkerReady()).pushManager.getSubscription();
  if (!subscription) return;
  await fetch(API.pushSubscriptions, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ endpoint: subscription.endpoint, auth: subscription.toJSON().keys?.['auth'] }),
  }).catch(() => undefined);
  await subscription.unsubscribe();
}
