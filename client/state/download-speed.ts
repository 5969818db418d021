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

/**
 * Bytes a second over the last few seconds, or undefined until there is enough to tell: 1.5 s of
 * samples in which the bytes grew at least twice. One step is not a pace: Background Fetch may
 * report a small first file and then nothing until a large one is in, and that one step read as
 * "995 B/s · 20 min left" a moment before a film finished.
 */
export function downloadSpeed(releaseId: string, now = Date.now()): number | undefined {
  const list = samples.get(releaseId);
  const first = list?.[0];
  const last = list?.[list.length - 1];
  if (!list || !first || !last || last.at - first.at < 1500 || now - last.at > WINDOW_MS) return undefined;
  const steps = list.filter((sample, i) => i > 0 && sample.bytes > (list[i - 1] as { bytes: number }).bytes).length;
  if (steps < 2) return undefined;
  return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
}
