import { answerRange, contentRange } from '#common/byte-range';
import { MEDIA_RESPONSE_HEADERS } from '#common/media-response-headers';

/**
 * Answers a request for a stored media file, Range included, from its Blob. Slicing a Blob reads
 * nothing into memory in Chromium (a cached body is disk-backed), so a seek near the end of a
 * large file costs the same as one at the start. Cache Storage returns a stored 200 whole to a
 * Range request; a <video> could not seek offline without this. Every answer carries the same
 * nosniff and sandboxing CSP as the server's, so a stored file opened as a page never runs as one.
 */
export function rangeResponse(body: Blob, contentType: string, rangeHeader: string | null): Response {
  const size = body.size;
  const headers = new Headers({ ...MEDIA_RESPONSE_HEADERS, 'Accept-Ranges': 'bytes', 'Content-Type': contentType });
  const answer = answerRange(rangeHeader, size);
  if (answer.kind === 'unsatisfiable') {
    headers.set('Content-Range', contentRange(size));
    headers.delete('Content-Type');
    return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers });
  }
  if (answer.kind === 'full') {
    headers.set('Content-Length', String(size));
    return new Response(body, { status: 200, headers });
  }
  headers.set('Content-Range', contentRange(size, answer));
  headers.set('Content-Length', String(answer.end - answer.start + 1));
  return new Response(body.slice(answer.start, answer.end + 1), { status: 206, statusText: 'Partial Content', headers });
}
