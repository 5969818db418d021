import { PAGES } from '#common/routes';
import { releaseForDownload } from '../library/release-for-download.js';
import { downloadFromWorker } from '../downloads/download-from-worker.js';
import { markReleaseSeen } from '#browser/state/app-badge';

declare const self: ServiceWorkerGlobalScope;

interface NotificationData {
  readonly releaseId?: string;
}

/**
 * notificationclick: "Download" starts the release's download and shows the downloads page; a
 * click or "Listen" opens the release page, in the open window when there is one.
 */
export function handleNotificationClick(event: NotificationEvent): void {
  const { releaseId } = (event.notification.data ?? {}) as NotificationData;
  event.notification.close();
  event.waitUntil(
    (async () => {
      let target: string = releaseId ? PAGES.release(releaseId) : PAGES.catalog;
      if (releaseId) await markReleaseSeen(releaseId);
      if (event.action === 'download' && releaseId) {
        const release = await releaseForDownload(releaseId);
        if (release) await downloadFromWorker([release]);
        target = PAGES.downloads;
      }
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows[0];
      if (open) {
        await open.navigate(target).catch(() => undefined);
        await open.focus().catch(() => undefined); // needs the click's user activation
      } else {
        await self.clients.openWindow(target);
      }
    })(),
  );
}

/** notificationclose: a dismissed alert has been seen: it no longer counts on the badge. */
export function handleNotificationClose(event: NotificationEvent): void {
  const { releaseId } = (event.notification.data ?? {}) as NotificationData;
  if (releaseId) event.waitUntil(markReleaseSeen(releaseId));
}
