import type { PageToSw, SwReply } from '#common/sw-messages';
import { handleDownloadMessage } from '../downloads/handle-download-message.js';
import { actOnNewReleases } from '../fetch/refresh-catalog-and-act.js';

declare const self: ServiceWorkerGlobalScope;

/** Messages from the page (client/sw-bridge.ts); a reply goes back on the port the page sent. */
export function handleMessage(event: ExtendableMessageEvent): void {
  const message = event.data as PageToSw | undefined;
  const reply = (answer: SwReply) => event.ports[0]?.postMessage(answer);
  switch (message?.type) {
    case 'skip-waiting':
      event.waitUntil(self.skipWaiting());
      break;
    case 'check-new-releases':
      event.waitUntil(actOnNewReleases());
      break;
    case 'store-part':
    case 'complete-download':
    case 'discard-download':
    case 'fail-download':
      event.waitUntil(handleDownloadMessage(message).then(reply, (error: Error) => reply({ ok: false, error: error.message })));
      break;
  }
}
