import type { SwToPage } from '#common/sw-messages';

declare const self: ServiceWorkerGlobalScope;

/** Tells every open page (including ones not yet controlled) about a change. */
export async function notifyPages(message: SwToPage): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const page of pages) page.postMessage(message);
}
