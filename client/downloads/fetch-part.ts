import type { Part } from '#common/catalog';

const MAX_ATTEMPTS = 6;
/** Chunks are folded into Blob pieces at this size so a large part does not sit in JS memory. */
const PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Fetches one part. When the connection drops mid-body it asks for the rest with a Range request
 * (If-Range on the ETag, so a changed file starts over), up to a few attempts with backoff.
 */
export async function fetchPart(part: Part, signal: AbortSignal, onBytes: (delta: number) => void): Promise<Blob> {
  const pieces: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let received = 0;
  let etag: string | null = null;
  const fold = () => {
    if (pendingBytes === 0) return;
    pieces.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };

  for (let attempt = 1; ; attempt++) {
    try {
      const headers: Record<string, string> =
        received > 0 ? { Range: `bytes=${received}-`, ...(etag ? { 'If-Range': etag } : {}) } : {};
      const response = await fetch(part.url, { headers, signal, cache: 'no-store' });
      if (received > 0 && response.status === 200) {
        onBytes(-received); // the file changed or the server ignored the range: start again
        pieces.length = 0;
        pending = [];
        pendingBytes = 0;
        received = 0;
      } else if (response.status !== (received > 0 ? 206 : 200)) {
        throw new PartError(`the server answered ${response.status} for ${part.url}`, response.status < 500);
      }
      etag = response.headers.get('ETag') ?? etag;
      if (!response.body) throw new Error('empty response');
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        pending.push(value);
        pendingBytes += value.byteLength;
        received += value.byteLength;
        onBytes(value.byteLength);
        if (pendingBytes >= PIECE_BYTES) fold();
      }
      fold();
      // A connection cut through the SW can end the body early without an error: resume then too.
      if (received < part.bytes) throw new Error(`the connection dropped after ${received} of ${part.bytes} bytes`);
      return new Blob(pieces, { type: part.type });
    } catch (error) {
      fold();
      if (signal.aborted) throw error;
      if (error instanceof PartError && error.final) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new Error('The connection kept dropping. Press Retry when the network is better.');
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** (attempt - 1), 8000)));
    }
  }
}

class PartError extends Error {
  constructor(
    message: string,
    readonly final: boolean,
  ) {
    super(message);
  }
}
