import { BLOCK_BYTES, FILE_BYTES_HEADER, blockKey } from '#common/download-blocks';
import type { StoredFile } from './range-response.js';

/**
 * Opens a file from the media cache by the block that holds `near` (the first byte a request asks
 * for), so a seek far into a large file looks up that block first. Undefined when it is not there.
 */
export async function openStoredFile(cache: Cache, absoluteUrl: string, near = 0): Promise<StoredFile | undefined> {
  const keyOf = (index: number) => blockKey(absoluteUrl, index);
  let firstIndex = Math.floor(near / BLOCK_BYTES);
  let first = await cache.match(keyOf(firstIndex));
  if (!first && firstIndex > 0) first = await cache.match(keyOf((firstIndex = 0))); // past the end: block 0 says the size
  if (!first) return undefined;
  const size = Number(first.headers.get(FILE_BYTES_HEADER) ?? first.headers.get('Content-Length'));
  const type = first.headers.get('Content-Type') ?? 'application/octet-stream';
  const known = new Map([[firstIndex, first]]);
  return {
    size,
    type,
    async read(start, end) {
      const indexes: number[] = [];
      for (let i = Math.floor(start / BLOCK_BYTES); i * BLOCK_BYTES < end; i++) indexes.push(i);
      const blocks = await Promise.all(indexes.map((i) => known.get(i) ?? cache.match(keyOf(i))));
      if (blocks.some((b) => b === undefined)) return undefined;
      const spans = (blocks as Response[]).map((response, n) => {
        const offset = (indexes[n] as number) * BLOCK_BYTES;
        return { response, from: Math.max(start, offset) - offset, to: Math.min(end, offset + BLOCK_BYTES) - offset };
      });
      if (spans.length === 1) {
        const [only] = spans as [(typeof spans)[0]];
        return (await only.response.blob()).slice(only.from, only.to);
      }
      return concatenated(spans);
    },
  };
}

/**
 * The spans of several blocks as one stream, read one block at a time as the reader pulls: a media
 * element asking for `bytes=0-` of a long file gets its first bytes at once, and memory holds one
 * block at most (Firefox reads a cached body whole for `blob()`).
 */
function concatenated(spans: ReadonlyArray<{ response: Response; from: number; to: number }>): ReadableStream<Uint8Array> {
  let next = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (!reader) {
          const span = spans[next++];
          if (!span) return controller.close();
          reader = (await span.response.blob()).slice(span.from, span.to).stream().getReader();
        }
        const { done, value } = await reader.read();
        if (!done) return controller.enqueue(value);
        reader = undefined;
      }
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  });
}
