import { SYNC_TAGS } from '#common/sync-tags';
import { replayOutbox } from '#browser/outbox/outbox';
import { appState } from '#browser/state/app-state';
import { notifyPages } from '../lifecycle/notify-pages.js';
import { refreshLibraryAndAct } from '../library/refresh-library.js';

/** Background Sync: the network is back; send the actions taken offline, in order. */
export function handleSync(event: SyncEvent): void {
  if (event.tag !== SYNC_TAGS.outbox) return;
  event.waitUntil(
    replayOutbox().then((sent) => {
      // A rejected promise tells the browser to try this sync again later.
      if (!sent) throw new Error('the server could not be reached; the outbox waits');
    }),
  );
}

/** Periodic Background Sync: follow the catalog's change feed (a conditional request: a 304 costs almost nothing). */
export function handlePeriodicSync(event: PeriodicSyncEvent): void {
  if (event.tag !== SYNC_TAGS.catalogRefresh) return;
  event.waitUntil(
    refreshLibraryAndAct().then(async () => {
      const at = Date.now();
      await appState.setLastBackgroundRefresh(at);
      // An open Settings page shows the new time without being reopened.
      await notifyPages({ type: 'background-refreshed', at });
    }),
  );
}
