import { mediaPathOf } from '#common/media-path';
import type { DownloadRecord } from '#common/download-ledger';

/**
 * The bytes finished downloads take, each file counted once: two releases that list the same file
 * share its blocks (browser/media-cache), so adding their sizes would count it twice. With
 * `unfinished`, downloads asked for and not done count at their full size (what a budget weighs).
 */
export function storedBytes(records: Iterable<DownloadRecord>, { unfinished = false } = {}): number {
  const files = new Map<string, number>();
  for (const record of records) {
    // A quality change under way: the old copy is still stored, and the new one will be.
    if (record.replacing) for (const part of record.replacing.parts) files.set(mediaPathOf(part.url), part.bytes);
    if (record.state !== 'done' && !unfinished) continue;
    for (const part of record.release.parts) files.set(mediaPathOf(part.url), part.bytes);
  }
  let total = 0;
  for (const bytes of files.values()) total += bytes;
  return total;
}
