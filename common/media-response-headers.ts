/**
 * Headers on every media answer, from the server and from the SW's cache alike. A media file
 * opened as a page (a link, a new tab) must never run as one: no type sniffing, and a CSP that
 * sandboxes it into an opaque origin with nothing allowed. The CSP does not reach <audio>, <video>
 * or fetch(): a subresource's own CSP is ignored.
 */
export const MEDIA_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};
