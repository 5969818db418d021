import { formatBytes } from '../format.js';

const PERSIST_ASKED = 'stowaway:persist-asked';

/** Refuses a download that cannot fit, before any byte is fetched. */
export async function ensureRoomFor(bytes: number, title: string): Promise<void> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (!estimate?.quota) return; // the browser does not say: try, and report a quota error if it comes
  const free = estimate.quota - (estimate.usage ?? 0);
  if (bytes > free) {
    throw new Error(
      `Not enough space: “${title}” needs ${formatBytes(bytes)}, and ${formatBytes(Math.max(0, free))} is available.`,
    );
  }
}

/**
 * At the first download, ask the browser to keep downloads when space runs low. Not awaited:
 * Firefox answers only when the person responds to its prompt, and the download must not wait.
 */
export function askPersistenceOnce(): void {
  if (localStorage.getItem(PERSIST_ASKED) || !navigator.storage?.persist) return;
  localStorage.setItem(PERSIST_ASKED, '1');
  void navigator.storage.persist().catch(() => false);
}
