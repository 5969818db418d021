import { API } from '#common/routes';
import { serviceWorkerReady } from '../sw-bridge.js';

/** Whether this device gets new-release alerts: the browser's permission and the subscription. */
export async function notificationsEnabled(): Promise<boolean> {
  if (!('PushManager' in window) || Notification.permission !== 'granted') return false;
  return (await (await serviceWorkerReady()).pushManager.getSubscription()) !== null;
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
        ? 'Notifications are blocked for this site. To allow them, open the site settings (the icon at the left of the address bar), set Notifications to Allow, then try again.'
        : 'Notifications were not allowed. Press the button again to be asked again.',
    );
  }
  const { publicKey } = (await (await fetch(API.pushKey)).json()) as { publicKey: string };
  const registration = await serviceWorkerReady();
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
  const response = await fetch(API.pushSubscriptions, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(subscription.toJSON()),
  }).catch(() => undefined);
  if (!response?.ok) {
    await subscription.unsubscribe();
    throw new Error('The server could not be reached to turn alerts on. Try again when you are online.');
  }
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
