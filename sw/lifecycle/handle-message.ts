import type { PageToSw } from '#common/sw-messages';
import { refreshLibraryAndAct } from '../library/refresh-library.js';

declare const self: ServiceWorkerGlobalScope;

/** Messages from the page (client/sw-bridge.ts). */
export function handleMessage(event: ExtendableMessageEvent): void {
  const message = event.data as PageToSw | undefined;
  switch (message?.type) {
    case 'skip-waiting':
      event.waitUntil(self.skipWaiting());
      break;
    case 'check-new-releases':
      event.waitUntil(refreshLibraryAndAct().catch(() => []));
      break;
  }
}
