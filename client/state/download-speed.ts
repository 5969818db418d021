import type { DownloadRecord } from '#common/download-ledger';

/** How far back the speed looks: long enough to smooth bursts, short enough to follow a change. */
const WINDOW_MS = 8000;

const samples = new Map<string, Array<{ at: number; bytes: number }>>();

/** Notes a record's progress; called for every ledger change this page sees. */
export function noteProgress(record: DownloadRecord, now = Date.now()): void {
  if (record.state !== 'downloading') {
    samples.delete(record.releaseId);
    return;
  }
  const list = samples.get(record.releaseId) ?? [];
  const last = list[list.length - 1];
  if (last && record.bytesReceived < last.bytes) list.length = 0; // bytes fetched again after a damaged block
  list.push({ at: now, bytes: record.bytesReceived });
  while (list.length > 2 && now - (list[0] as { at: number }).at > WINDOW_MS) list.shift();
  samples.set(record.releaseId, list);
}

/** Bytes a second over the last few seconds, or undefined until there is enough to tell. */
export function downloadSpeed(releaseId: string, now = Date.now()): number | undefined {
  const list = samples.get(releaseId);
  const first = list?.[0];
  const last = list?.[list.length - 1];
  if (!first || !last || last.at - first.at < 1500 || now - last.at > WINDOW_MS) return undefined;
  return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
}
