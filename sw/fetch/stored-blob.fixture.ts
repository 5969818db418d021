import type { StoredFile } from './range-response.js';

/** A whole file in one Blob, as a StoredFile: the tests' stand-in for stored blocks. */
export function storedBlob(blob: Blob, type: string): StoredFile {
  return { size: blob.size, type, read: async (start, end) => blob.slice(start, end) };
}
