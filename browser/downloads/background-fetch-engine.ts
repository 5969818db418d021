import type { Release } from '#common/catalog';
import { releaseBytes } from '#common/release-facts';
import { downloadId, newDownloadRecord } from '#common/download-ledger';
import { ledger } from '../ledger/ledger.js';

/** True where the browser has Background Fetch (Chromium); elsewhere the fallback downloader runs. */
export function hasBackgroundFetch(registration: ServiceWorkerRegistration): boolean {
  return 'BackgroundFetchManager' in globalThis && registration.backgroundFetch !== undefined;
}

/**
 * The whole release as ONE Background Fetch: the browser shows its own progress UI and the
 * download goes on with the tab closed. downloadTotal is the catalog's byte total, a hard limit.
 */
export function startBackgroundFetch(
  registration: ServiceWorkerRegistration,
  release: Release,
): Promise<BackgroundFetchRegistration> {
  const manager = registration.backgroundFetch as BackgroundFetchManager;
  return manager.fetch(
    downloadId(release.id),
    release.parts.map((p) => p.url),
    {
      title: `${release.title} — ${release.artist}`,
      icons: [{ src: release.artwork, sizes: '512x512', type: 'image/jpeg' }],
      downloadTotal: releaseBytes(release),
    },
  );
}

/** Mirrors a running fetch's progress into `onProgress` until it settles. */
export function watchBackgroundFetch(fetch: BackgroundFetchRegistration, onProgress: (bytes: number) => void): void {
  fetch.addEventListener('progress', () => onProgress(fetch.downloaded));
  onProgress(fetch.downloaded);
}

/**
 * Starts a release's download from the SW (a followed artist's new release, or a notification's
 * Download action): the same ledger record and the same single Background Fetch as the button.
 */
export async function startDownloadFromWorker(registration: ServiceWorkerRegistration, release: Release): Promise<boolean> {
  if (!hasBackgroundFetch(registration) || (await ledger.get(release.id))) return false;
  await ledger.put(newDownloadRecord(release, 'background-fetch'));
  try {
    await startBackgroundFetch(registration, release);
    await ledger.patch(release.id, { state: 'downloading' });
    return true;
  } catch (error) {
    await ledger.patch(release.id, { state: 'failed', error: `The download could not start: ${(error as Error).message}` });
    return false;
  }
}
