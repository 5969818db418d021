import { keptDownloads } from '#browser/downloads/kept-downloads';
import { dueForCleanup } from '#browser/downloads/storage-policy';
import { appState } from '#browser/state/app-state';
import { formatBytes } from '../format.js';
import { showToast } from '../state/toast.js';
import { removeDownload } from './download-actions.js';

/** A download removed is news the person must be able to read to the end. */
const LONG_TOAST_MS = 8000;

/**
 * Settings › Budget and cleanup: removes the downloads it says (watched films, albums not played
 * for the chosen days; never pinned ones) and says what went. Run when the app opens and when the
 * film player closes (a film that has just ended goes then, not under the person's eyes).
 */
export async function cleanUpDownloads(now = Date.now()): Promise<void> {
  const policy = await appState.storagePolicy();
  if (!policy.removeWatchedFilms && !policy.unplayedAlbumDays) return;
  const due = dueForCleanup(await keptDownloads(), policy, now);
  for (const release of due) await removeDownload(release.releaseId);
  if (due.length === 0) return;
  const names = due.map((r) => `“${r.title}”`).join(', ');
  const freed = formatBytes(due.reduce((sum, r) => sum + r.bytes, 0));
  showToast(`Removed ${names} (${freed}) as your cleanup setting asks. Pin a download to keep it.`, LONG_TOAST_MS);
}
