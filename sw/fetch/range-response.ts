import { answerRange, contentRange } from '#common/byte-range';
import { MEDIA_RESPONSE_HEADERS } from '#common/media-response-headers';

/** A downloaded file (sw/fetch/stored-file.ts): its size and type, and any byte span of it. */
export interface StoredFile {
  readonly size: number;
  readonly type: string;
  /** Bytes start..end-1; undefined when a block of that span is not stored (a download still running). */
  read(start: number, end: number): Promise<Blob | ReadableStream<Uint8Array> | undefined>;
}

/**
 * Answers a request for a stored media file, Range included. Cache Storage returns a stored 200
 * whole to a Range request; a <video> could not seek offline without this. Every answer carries
 * the same nosniff and sandboxing CSP as the server's, so a stored file opened as a page never runs
 * as one. Undefined when a block the answer needs is not stored, so the caller goes to the network.
 */
export async function rangeResponse(file: StoredFile, rangeHeader: string | null): Promise<Response | undefined> {
  const { size } = file;
  const headers = new Headers({ ...MEDIA_RESPONSE_HEADERS, 'Accept-Ranges': 'bytes', 'Content-Type': file.type });
  const answer = answerRange(rangeHeader, size);
  if (answer.kind === 'unsatisfiable') {
    headers.set('Content-Range', contentRange(size));
    headers.delete('Content-Type');
    return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers });
  }
  const span = answer.kind === 'full' ? { start: 0, end: size - 1 } : answer;
  const body = await file.read(span.start, span.end + 1);
  if (body === undefined) return undefined;
  headers.set('Content-Length', String(span.end - span.start + 1));
  if (answer.kind === 'full') return new Response(body, { status: 200, headers });
  headers.set('Content-Range', contentRange(size, answer));
  return new Response(body, { status: 206, statusText: 'Partial Content', headers });
}
