import { isSwToPage, type PageToSw, type SwToPage } from '#common/sw-messages';
import { Store } from './state/store.js';

/**
 * The page's only line to the service worker: registration, update detection and messages.
 * A new SW waits until the person accepts it; the page never reloads while something plays or
 * downloads (the caller decides with `canReloadNow`).
 */
export const updateWaiting = new Store<boolean>(false);

/**
 * True once, on a first visit, when the service worker has installed (shell and catalog stored)
 * and taken control: from then on the app opens with no network. The page says so.
 */
export const offlineReady = new Store<boolean>(false);

let registration: ServiceWorkerRegistration | undefined;
let reloadRequested = false;

export async function registerServiceWorker(onMessage: (message: SwToPage) => void): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const url = import.meta.env.DEV ? '/dev-sw.js?dev-sw' : '/sw.js';
  registration = await navigator.serviceWorker.register(url, { scope: '/', type: import.meta.env.DEV ? 'module' : 'classic' });
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isSwToPage(event.data)) onMessage(event.data);
  });
  const firstVisit = navigator.serviceWorker.controller === null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only the tab that asked for the update reloads; other tabs keep playing and show the prompt.
    if (reloadRequested) location.reload();
    else if (firstVisit) offlineReady.set(true);
  });
  const watch = (worker: ServiceWorker | null) => {
    worker?.addEventListener('statechange', () => {
      // WebKit can deliver a first install's "installed" after that same worker has claimed the
      // page: a controller that is this worker means a first visit, not an update.
      const controller = navigator.serviceWorker.controller;
      if (worker.state === 'installed' && controller && controller !== worker) updateWaiting.set(true);
    });
  };
  if (registration.waiting && navigator.serviceWorker.controller) updateWaiting.set(true);
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration?.installing ?? null));
}

/** Looks for a new version now (also done by the browser on navigations). */
export async function checkForUpdate(): Promise<void> {
  await registration?.update().catch(() => undefined);
}

/** Activates the waiting version and reloads this tab once it controls the page. */
export function applyUpdate(): void {
  const waiting = registration?.waiting;
  if (!waiting) return;
  reloadRequested = true;
  send(waiting, { type: 'skip-waiting' });
}

export function postToServiceWorker(message: PageToSw): void {
  const controller = navigator.serviceWorker?.controller;
  if (controller) send(controller, message);
}

/** The active registration, once there is one. */
export const serviceWorkerReady = (): Promise<ServiceWorkerRegistration> => navigator.serviceWorker.ready;

/**
 * The registration as it is now, active or still installing; undefined when there is none (its
 * install failed, or has not begun). For reading state that only exists with a registration: it
 * answers at once, where `serviceWorkerReady` waits for an install that may never finish.
 */
export const currentRegistration = (): Promise<ServiceWorkerRegistration | undefined> =>
  navigator.serviceWorker.getRegistration();

function send(worker: ServiceWorker, message: PageToSw): void {
  worker.postMessage(message);
}
