import { describe, expect, it } from 'vitest';
import { MEDIA_RESPONSE_HEADERS } from '#common/media-response-headers';
import { rangeResponse } from './range-response.js';

const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) % 256));
const blob = new Blob([bytes]);

async function body(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

describe('rangeResponse', () => {
  it.each([
    // the cases workbox-range-requests gets wrong, then the ordinary ones
    ['bytes=900-5000', 206, 'bytes 900-999/1000', 900, 999],
    ['bytes=-5000', 206, 'bytes 0-999/1000', 0, 999],
    ['bytes=0-99', 206, 'bytes 0-99/1000', 0, 99],
    ['bytes=990-', 206, 'bytes 990-999/1000', 990, 999],
    ['bytes=-10', 206, 'bytes 990-999/1000', 990, 999],
  ])('%s → %i %s with exactly those bytes', async (header, status, range, start, end) => {
    const res = rangeResponse(blob, 'audio/webm', header);
    expect(res.status).toBe(status);
    expect(res.headers.get('Content-Range')).toBe(range);
    expect(res.headers.get('Content-Length')).toBe(String(end - start + 1));
    expect(res.headers.get('Content-Type')).toBe('audio/webm');
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expect(await body(res)).toEqual(bytes.slice(start, end + 1));
  });

  it.each(['bytes=1000-', 'bytes=1000-1000', 'bytes=-0'])('%s (start at the size) → 416 bytes */1000', async (header) => {
    const res = rangeResponse(blob, 'audio/webm', header);
    expect(res.status).toBe(416);
    expect(res.headers.get('Content-Range')).toBe('bytes */1000');
    expect((await body(res)).length).toBe(0);
  });

  it.each([null, 'bytes=500-100', 'bytes=0-1,500-501', 'garbage'])('%s → the whole file with 200', async (header) => {
    const res = rangeResponse(blob, 'audio/webm', header);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Length')).toBe('1000');
    expect(await body(res)).toEqual(bytes);
  });

  it.each([null, 'bytes=0-9', 'bytes=5000-'])('%s: sends nosniff and the sandboxing CSP, as the server does', (header) => {
    const res = rangeResponse(blob, 'text/html', header);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toBe(MEDIA_RESPONSE_HEADERS['Content-Security-Policy']);
    expect(res.headers.get('Content-Security-Policy')).toMatch(/sandbox/);
  });
});
