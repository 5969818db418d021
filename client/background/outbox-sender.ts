import type { OfflineActionType } from '#common/offline-actions';
import { SYNC_TAGS } from '#common/sync-tags';
import { enqueueAction, replayOutbox } from '#browser/outbox/outbox';
import { serviceWorkerReady } from '../sw-bridge.js';

/**
 * Records an action for the server and tries to send it now; when that fails it waits in the
 * outbox for Background Sync (where the browser has it) or for the next app start.
 */
export async function recordAction(type: OfflineActionType, subject: string): Promise<void> {
  await enqueueAction(type, subject);
  await flushOutbox();
}

export async function flushOutbox(): Promise<void> {
  if (await replayOutbox()) return;
  const registration = await serviceWorkerReady();
  await registration.sync?.register(SYNC_TAGS.outbox).catch(() => undefined);
}
