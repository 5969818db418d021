/// <reference lib="webworker" />
/**
 * The wiring diagram: the only file that listens to service worker events. Each handler lives in
 * its own module and passes its work to event.waitUntil / event.respondWith.
 */
import {
  handleBackgroundFetchAbort,
  handleBackgroundFetchClick,
  handleBackgroundFetchFail,
  handleBackgroundFetchSuccess,
} from './downloads/background-fetch-events.js';
import { handleFetch } from './fetch/handle-fetch.js';
import { handleActivate } from './lifecycle/handle-activate.js';
import { handleInstall } from './lifecycle/handle-install.js';
import { handleMessage } from './lifecycle/handle-message.js';
import { handleNotificationClick, handleNotificationClose } from './push/handle-notification-events.js';
import { handlePush } from './push/handle-push.js';
import { handleSubscriptionChange } from './push/handle-subscription-change.js';
import { handlePeriodicSync, handleSync } from './sync/handle-sync.js';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('install', handleInstall);
self.addEventListener('activate', handleActivate);
self.addEventListener('fetch', handleFetch);
self.addEventListener('message', handleMessage);
self.addEventListener('backgroundfetchsuccess', (e) => handleBackgroundFetchSuccess(e as BackgroundFetchUpdateUIEvent));
self.addEventListener('backgroundfetchfail', (e) => handleBackgroundFetchFail(e as BackgroundFetchUpdateUIEvent));
self.addEventListener('backgroundfetchabort', (e) => handleBackgroundFetchAbort(e as BackgroundFetchEvent));
self.addEventListener('backgroundfetchclick', (e) => handleBackgroundFetchClick(e as BackgroundFetchEvent));
self.addEventListener('push', handlePush);
self.addEventListener('notificationclick', handleNotificationClick);
self.addEventListener('notificationclose', handleNotificationClose);
self.addEventListener('pushsubscriptionchange', handleSubscriptionChange);
self.addEventListener('sync', (e) => handleSync(e as SyncEvent));
self.addEventListener('periodicsync', (e) => handlePeriodicSync(e as PeriodicSyncEvent));
