import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES } from '#common/download-blocks';
import { MEDIA_RESPONSE_HEADERS } from '#common/media-response-headers';
import { rangeResponse, type StoredFile } from './range-response.js';
import { storedBlob } from './stored-blob.fixture.js';

const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) % 256));

/** A stored file over one Blob; `missingFrom`: bytes from there on are "not stored yet". */
function storedFile(missingFrom = Infinity): StoredFile {
  const whole = storedBlob(new Blob([bytes]), 'audio/webm');
  return { ...whole, read: async (start, end) => (end > missingFrom ? undefined : whole.read(start, end)) };
}

async function body(response: Response | undefined): Promise<Uint8Array> {
  return new Uint8Array(await (response as Response).arrayBuffer());
}

describe('rangeResponse', () => {
  it.each([
    // the cases workbox-range-requests gets wrong, then the ordinary ones
    ['bytes=900-5000', 206, 'bytes 900-999/1000', 900, 999],
    ['bytes=-5000', 206, 'bytes 0-999/1000', 0, 999],
    ['bytes=0-99', 206, 'bytes 0-99/1000', 0, 99],
    ['bytes=0-1', 206, 'bytes 0-1/1000', 0, 1],
    ['bytes=990-', 206, 'bytes 990-999/1000', 990, 999],
    ['bytes=-10', 206, 'bytes 990-999/1000', 990, 999],
  ])('%s → %i %s with exactly those bytes', async (header, status, range, start, end) => {
    const res = await rangeResponse(storedFile(), header);
    expect(res?.status).toBe(status);
    expect(res?.headers.get('Content-Range')).toBe(range);
    expect(res?.headers.get('Content-Length')).toBe(String(end - start + 1));
    expect(res?.headers.get('Content-Type')).toBe('audio/webm');
    expect(res?.headers.get('Accept-Ranges')).toBe('bytes');
    expect(await body(res)).toEqual(bytes.slice(start, end + 1));
  });

  it.each(['bytes=1000-', 'bytes=1000-1000', 'bytes=-0'])('%s (start at the size) → 416 bytes */1000', async (header) => {
    const res = await rangeResponse(storedFile(), header);
    expect(res?.status).toBe(416);
    expect(res?.headers.get('Content-Range')).toBe('bytes */1000');
    expect((await body(res)).length).toBe(0);
  });

  it.each([null, 'bytes=500-100', 'bytes=0-1,500-501', 'garbage'])('%s → the whole file with 200', async (header) => {
    const res = await rangeResponse(storedFile(), header);
    expect(res?.status).toBe(200);
    expect(res?.headers.get('Content-Length')).toBe('1000');
    expect(await body(res)).toEqual(bytes);
  });

  it.each([null, 'bytes=0-9', 'bytes=5000-'])('%s: sends nosniff and the sandboxing CSP, as the server does', async (header) => {
    const res = await rangeResponse({ ...storedFile(), type: 'text/html' }, header);
    expect(res?.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res?.headers.get('Content-Security-Policy')).toBe(MEDIA_RESPONSE_HEADERS['Content-Security-Policy']);
    expect(res?.headers.get('Content-Security-Policy')).toMatch(/sandbox/);
  });

  it('answers nothing (so the network does) when a block the answer needs is not stored yet', async () => {
    expect(await rangeResponse(storedFile(500), 'bytes=400-600')).toBeUndefined();
    expect((await rangeResponse(storedFile(500), 'bytes=0-99'))?.status).toBe(206);
  });
});

describe('openStoredFile over several blocks', () => {
  it('reads a span across block boundaries, one block at a time', async () => {
    const { openStoredFile } = await import('./stored-file.js');
    const size = 2 * BLOCK_BYTES + 10;
    const file = new Uint8Array(size).map((_, i) => i % 251);
    const entries = new Map<string, Response>();
    for (let i = 0; i * BLOCK_BYTES < size; i++) {
      const block = file.slice(i * BLOCK_BYTES, Math.min(size, (i + 1) * BLOCK_BYTES));
      entries.set(
        `https://x/media/f.webm?block=${i}`,
        new Response(block, { headers: { 'X-Stowaway-File-Bytes': String(size), 'Content-Type': 'video/webm' } }),
      );
    }
    const cache = { match: async (key: string) => entries.get(key)?.clone() } as unknown as Cache;
    const stored = await openStoredFile(cache, 'https://x/media/f.webm', BLOCK_BYTES + 5);
    if (!stored) throw new Error('no stored file');
    expect(stored).toMatchObject({ size, type: 'video/webm' });
    const start = BLOCK_BYTES - 3;
    const res = await rangeResponse(stored, `bytes=${start}-`);
    expect(res?.headers.get('Content-Range')).toBe(`bytes ${start}-${size - 1}/${size}`);
    const got = await body(res);
    expect(got.length).toBe(size - start);
    // Compared by hand: a diff of 16 MB arrays would not fit in the test runner's memory.
    expect(got.every((byte, i) => byte === file[start + i])).toBe(true);
    entries.delete('https://x/media/f.webm?block=2');
    expect(await rangeResponse(stored, `bytes=${start}-`)).toBeUndefined();
    expect((await rangeResponse(stored, `bytes=0-99`))?.status).toBe(206);
  });
});
