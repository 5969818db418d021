import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../fixtures/server-process.js';
import { downloadFromLibrary, startWebKitSession } from '../fixtures/webkit-session.js';

const TRACK = '/media/albums/harbour-lights/01-low-tide.webm';
const bytes = readFileSync(path.join(REPO_ROOT, TRACK.slice(1)));
const size = bytes.length;
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Runs in the page: asks the SW for `url` with each Range header, all at once. */
async function askRangesInPage(url: string, ranges: string[]) {
  const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return Promise.all(
    ranges.map(async (range) => {
      const res = await fetch(url, { headers: { Range: range } });
      const body = await res.arrayBuffer();
      return {
        status: res.status,
        contentRange: res.headers.get('Content-Range'),
        acceptRanges: res.headers.get('Accept-Ranges'),
        length: body.byteLength,
        sha256: hex(await crypto.subtle.digest('SHA-256', body)),
      };
    }),
  );
}

/** What a correct 206 for bytes start..end (inclusive) of the track says. */
const partial = (start: number, end: number) => ({
  status: 206,
  contentRange: `bytes ${start}-${end}/${size}`,
  acceptRanges: 'bytes',
  length: end - start + 1,
  sha256: sha256(bytes.subarray(start, end + 1)),
});

let t: Awaited<ReturnType<typeof startWebKitSession>>;
test.beforeAll(async () => {
  t = await startWebKitSession();
  await downloadFromLibrary(t.page, 'Harbour Lights');
  await t.server.stop(); // every answer below comes from the SW and the media cache
});
test.afterAll(async () => {
  await t?.tearDown();
});

// What must hold: Safari's media stack opens a file with `bytes=0-1` and plays only if it gets a
// 206 with exactly those two bytes and the file's size in Content-Range; then it reads on with
// open-ended ranges and, for some containers, the end of the file with a suffix range.
test('WebKit: offline, the SW answers bytes=0-1, an open-ended range and a suffix range with the right 206', async () => {
  const answers = await t.page.evaluate(askRangesInPage, TRACK, ['bytes=0-1', `bytes=${size - 4000}-`, 'bytes=-500']);
  expect(answers).toEqual([partial(0, 1), partial(size - 4000, size - 1), partial(size - 500, size - 1)]);
});

// What must hold: a seeking <video> asks for several ranges of one file at once; every one gets
// its own right bytes (Workbox's range plugin failed exactly here, workbox#2948).
test('WebKit: offline, several Range requests for one file at once each get their own bytes', async () => {
  const spans = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => {
    const start = Math.floor((i * size) / 8);
    return [start, Math.min(size - 1, start + 16_383)] as const;
  });
  spans.push([1000, 1999], [1000, 1999]); // the same range twice, as a buffering and a seeking read can be
  const answers = await t.page.evaluate(
    askRangesInPage,
    TRACK,
    spans.map(([start, end]) => `bytes=${start}-${end}`),
  );
  expect(answers).toEqual(spans.map(([start, end]) => partial(start, end)));
});
