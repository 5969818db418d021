import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeResponse } from '../../sw/fetch/range-response.js';
import { storedBlob } from '../../sw/fetch/stored-blob.fixture.js';
import { startTestServer } from '../test/test-server.js';


/**
 * The server's media route and the SW's cache route must answer every Range header the same way:
 * a player that seeks online and then offline must see the same bytes. Random headers (valid,
 * malformed, abusive) against the 1000-byte test track.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.repository.close());

const position = fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.constant(999), fc.constant(1000), fc.bigInt({ min: 10n ** 15n, max: 10n ** 25n }));
const spec = fc.oneof(
  fc.tuple(position, position).map(([a, b]) => `${a}-${b}`),
  position.map((a) => `${a}-`),
  position.map((a) => `-${a}`),
  fc.constantFrom('-', 'x-1', '1-x', '', ' 0 - 1 ', '0x10-20'),
);
const header = fc.oneof(
  fc.array(spec, { minLength: 1, maxLength: 20 }).map((specs) => `bytes=${specs.join(',')}`),
  fc.constantFrom('items=0-1', 'bytes', 'BYTES=0-9', 'bytes= 5-'),
);

describe('server and SW agree on Range', () => {
  it('gives the same status, Content-Range and bytes for any header', async () => {
    await fc.assert(
      fc.asyncProperty(header, async (range) => {
        const online = await request(server.app)
          .get('/media/albums/test/01.webm')
          .set('Range', range)
          .buffer(true)
          .parse((res, cb) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => cb(null, Buffer.concat(chunks)));
          });
        const offline = (await rangeResponse(storedBlob(new Blob([server.media.track]), 'audio/webm'), range)) as Response;
        expect(offline.status).toBe(online.status);
        expect(offline.headers.get('Content-Range') ?? undefined).toBe(online.headers['content-range']);
        expect(Buffer.from(await offline.arrayBuffer()).equals(online.body as Buffer)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
