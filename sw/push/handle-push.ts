import { pushPayloadSchema, type PushPayload } from '#common/push-payload';
import { PAGES } from '#common/routes';
import { refreshLibraryAndAct } from '../library/refresh-library.js';
import { markReleasesUnseen } from '#browser/state/app-badge';

declare const self: ServiceWorkerGlobalScope;

/**
 * push: show the notification (always: the subscription promised visible notifications), count the
 * release as unseen on the app badge, and follow the change feed so the release is stored (and
 * downloaded, when its artist is followed so).
 */
export function handlePush(event: PushEvent): void {
  event.waitUntil(
    (async () => {
      const payload = readPayload(event);
      await self.registration.showNotification(payload.title, {
        body: payload.body,
        icon: payload.icon ?? '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        tag: `release-${payload.releaseId}`,
        data: { releaseId: payload.releaseId, url: PAGES.release(payload.releaseId) },
        ...({
          actions: [
            { action: 'listen', title: 'Listen' },
            { action: 'download', title: 'Download' },
          ],
        } as object),
      });
      if (payload.releaseId) await markReleasesUnseen([payload.releaseId]);
      await refreshLibraryAndAct().catch(() => []);
    })(),
  );
}

function readPayload(event: PushEvent): PushPayload {
  try {
    const parsed = pushPayloadSchema.safeParse(event.data?.json());
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through to a plain notification
  }
  return { type: 'new-release', releaseId: '', title: 'New on Stowaway', body: 'Open the app to see what is new.' };
}
