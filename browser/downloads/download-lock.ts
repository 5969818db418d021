/**
 * A Web Lock per download, held by whoever is moving or checking its bytes right now: a page's
 * fallback downloader, or the SW finishing a Background Fetch. Another page (or the same page
 * after a reload) can then tell a running download from one whose runner died with its tab, and
 * takes over only the latter. Where the browser has no Web Locks, every download counts as free.
 */
const lockName = (releaseId: string): string => `stowaway-download:${releaseId}`;

/** Runs `work` holding the download's lock; undefined without running it when someone else holds it. */
export async function withDownloadLock<T>(releaseId: string, work: () => Promise<T>): Promise<T | undefined> {
  if (!navigator.locks) return work();
  let ran = false;
  const result = await navigator.locks.request(lockName(releaseId), { ifAvailable: true }, async (lock) => {
    if (!lock) return undefined;
    ran = true;
    return work();
  });
  return ran ? (result as T) : undefined;
}

/** Whether some context is running this download now. */
export async function isDownloadRunningElsewhere(releaseId: string): Promise<boolean> {
  if (!navigator.locks) return false;
  const { held = [] } = await navigator.locks.query();
  return held.some((lock) => lock.name === lockName(releaseId));
}
