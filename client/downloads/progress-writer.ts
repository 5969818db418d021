import { ledger } from '#browser/ledger/ledger';

/**
 * Writes a download's progress to the ledger at most twice a second (every page renders the ledger;
 * a write per network chunk would be hundreds a second). The last value is always written.
 */
export function progressWriter(releaseId: string, everyMs = 500): (bytes: number) => void {
  let last = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const flush = () => {
    pending = undefined;
    last = Date.now();
    void ledger.progress(releaseId, latest);
  };
  return (bytes) => {
    latest = bytes;
    if (pending) return;
    const wait = everyMs - (Date.now() - last);
    if (wait <= 0) flush();
    else pending = setTimeout(flush, wait);
  };
}
