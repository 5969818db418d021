import { SYNC_TAGS } from '#common/sync-tags';
import { replayOutbox } from '#browser/outbox/outbox';
import { appState } from '#browser/state/app-state';
import { ledger } from '#browser/ledger/ledger';
import { pumpFromWorker } from '../downloads/worker-queue.js';
import { refreshCatalogAndAct } from '../fetch/refresh-catalog-and-act.js';

/**
 * Background Sync: the network is back. Sends the actions taken offline, in order, and starts the
 * downloads that waited for the network. A rejected promise tells the browser to try again later.
 */
export function handleSync(event: SyncEvent): void {
  if (event.tag === SYNC_TAGS.outbox) {
    event.waitUntil(
      replayOutbox().then((sent) => {
        if (!sent) throw new Error('the server could not be reached; the outbox waits');
      }),
    );
  } else if (event.tag === SYNC_TAGS.downloads) {
    event.waitUntil(
      pumpFromWorker().then(async () => {
        if ((await ledger.all()).some((r) => r.waitingForNetwork && r.state === 'queued')) {
          throw new Error('the server could not be reached; downloads wait');
        }
      }),
    );
  }
}

/** Periodic Background Sync: refresh the catalog (a conditional request: a 304 costs almost nothing). */
export function handlePeriodicSync(event: PeriodicSyncEvent): void {
  if (event.tag !== SYNC_TAGS.catalogRefresh) return;
  event.waitUntil(refreshCatalogAndAct().then(() => appState.setLastBackgroundRefresh(Date.now())));
}
