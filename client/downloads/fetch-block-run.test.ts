import { beforeEach, describe, expect, it } from 'vitest';
import type { Block } from '#common/download-blocks';
import { sampleAlbum } from '#common/sample-album.fixture';
import { ConnectionLostError, FinalDownloadError, fetchBlockRun, type FetchRunOptions } from './fetch-block-run.js';

const FILE = new Uint8Array(1000).map((_, i) => (i * 13 + 7) % 256);
const part = { ...(sampleAlbum().parts[0] as NonNullable<ReturnType<typeof sampleAlbum>['parts'][0]>), bytes: FILE.length };
/** Small blocks for the test (the run only reads start and end). */
const blocks: Block[] = [0, 1, 2, 3].map((index) => ({ index, start: index * 250, end: (index + 1) * 250, sha256: '' }));

interface Served {
  range?: string;
  ifRange?: string;
}

/** Bodies as plain streams (chunks handed out) or byte streams (read into the reader's buffers). */
let bodies: 'chunks' | 'bytes' = 'chunks';

/** A server over FILE: `plan[n]` shapes the n-th answer (cut after some bytes, a status, ignore Range). */
function server(
  plan: Array<{ cutAfter?: number; breakAfter?: number; status?: number; ignoreRange?: boolean; error?: boolean }> = [],
) {
  const requests: Served[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    requests.push({ range: headers.Range, ifRange: headers['If-Range'] });
    const step = plan[requests.length - 1] ?? {};
    if (step.error) throw new TypeError('Failed to fetch');
    if (step.status) return new Response(null, { status: step.status });
    const match = /^bytes=(\d+)-(\d+)$/.exec(headers.Range ?? '');
    const ranged = match && !step.ignoreRange;
    const body = ranged ? FILE.slice(Number(match[1]), Number(match[2]) + 1) : FILE.slice();
    const sent = body.subarray(0, step.cutAfter ?? step.breakAfter ?? body.length);
    // cutAfter: the body ends early; breakAfter: the connection breaks (the stream errors).
    const end = (controller: ReadableStreamDefaultController | ReadableByteStreamController) => {
      if (step.breakAfter !== undefined) return controller.error(new TypeError('network error'));
      controller.close();
      // A byte stream closed under a pending BYOB read answers it with 0 bytes (the Streams spec).
      if ('byobRequest' in controller) controller.byobRequest?.respond(0);
    };
    // Delivered in chunks of 64 bytes, one a pull as a network does, then the end (or the break).
    let offset = 0;
    const source = {
      pull(controller: ReadableStreamDefaultController<Uint8Array> | ReadableByteStreamController) {
        if (offset >= sent.length) return end(controller);
        controller.enqueue(sent.slice(offset, offset + 64));
        offset += 64;
      },
    };
    const stream =
      bodies === 'chunks' ? new ReadableStream<Uint8Array>(source) : new ReadableStream({ type: 'bytes', ...source });
    return new Response(stream, { status: ranged ? 206 : 200, headers: { ETag: '"v1"' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

function collector(damaged: Record<number, number> = {}) {
  const stored = new Map<number, Uint8Array>();
  let bytes = 0;
  const options = (fetch: typeof globalThis.fetch): FetchRunOptions => ({
    signal: new AbortController().signal,
    fetch,
    sleep: async () => undefined,
    onBytes: (delta) => (bytes += delta),
    async onBlock(block, data) {
      const left = damaged[block.index] ?? 0;
      if (left > 0) {
        damaged[block.index] = left - 1;
        return 'damaged';
      }
      stored.set(block.index, data.slice());
      return undefined;
    },
  });
  return { stored, options, bytes: () => bytes };
}

const expectStored = (stored: Map<number, Uint8Array>, indexes: number[]) => {
  expect([...stored.keys()].sort()).toEqual(indexes);
  for (const i of indexes) expect(stored.get(i)).toEqual(FILE.slice(i * 250, (i + 1) * 250));
};

describe.each(['chunks', 'bytes'] as const)('fetchBlockRun over %s', (kind) => {
  beforeEach(() => {
    bodies = kind;
  });

  it('fetches a whole file with one plain request and hands over every block', async () => {
    const { fetch, requests } = server();
    const c = collector();
    await fetchBlockRun({ part, blocks }, c.options(fetch));
    expect(requests).toEqual([{ range: undefined, ifRange: undefined }]);
    expectStored(c.stored, [0, 1, 2, 3]);
    expect(c.bytes()).toBe(1000);
  });

  it('resumes a dropped connection from the exact byte, keeping the block in progress, with If-Range', async () => {
    const { fetch, requests } = server([{ cutAfter: 600 }, { cutAfter: 100 }]);
    const c = collector();
    await fetchBlockRun({ part, blocks }, c.options(fetch));
    expect(requests).toEqual([
      { range: undefined, ifRange: undefined },
      { range: 'bytes=600-999', ifRange: '"v1"' },
      { range: 'bytes=700-999', ifRange: '"v1"' },
    ]);
    expectStored(c.stored, [0, 1, 2, 3]);
    expect(c.bytes()).toBe(1000);
  });

  it('keeps the bytes of the block in progress when the connection breaks with an error', async () => {
    const { fetch, requests } = server([{ breakAfter: 320 }]);
    const c = collector();
    await fetchBlockRun({ part, blocks }, c.options(fetch));
    expect(requests.map((r) => r.range)).toEqual([undefined, 'bytes=320-999']);
    expectStored(c.stored, [0, 1, 2, 3]);
    expect(c.bytes()).toBe(1000);
  });

  it('asks only for its own blocks when resuming a part whose first blocks are stored', async () => {
    const { fetch, requests } = server();
    const c = collector();
    await fetchBlockRun({ part, blocks: blocks.slice(2) }, c.options(fetch));
    expect(requests[0]?.range).toBe('bytes=500-999');
    expectStored(c.stored, [2, 3]);
    expect(c.bytes()).toBe(500);
  });

  it('fetches a damaged block once more from its start, and counts its bytes once', async () => {
    const { fetch, requests } = server();
    const c = collector({ 1: 1 });
    await fetchBlockRun({ part, blocks }, c.options(fetch));
    expect(requests.map((r) => r.range)).toEqual([undefined, 'bytes=250-999']);
    expectStored(c.stored, [0, 1, 2, 3]);
    expect(c.bytes()).toBe(1000);
  });

  it('gives up on a block damaged twice', async () => {
    const { fetch } = server();
    const c = collector({ 3: 2 });
    await expect(fetchBlockRun({ part, blocks }, c.options(fetch))).rejects.toBeInstanceOf(FinalDownloadError);
  });

  it('starts over (skipping what it has) when the server answers a Range with the whole file', async () => {
    const { fetch } = server([{ cutAfter: 300 }, { ignoreRange: true }]);
    const c = collector();
    await fetchBlockRun({ part, blocks }, c.options(fetch));
    expectStored(c.stored, [0, 1, 2, 3]);
    expect(c.bytes()).toBe(1000);
  });

  it('retries a 5xx, and stops at a 4xx', async () => {
    const retried = server([{ status: 503 }]);
    const c = collector();
    await fetchBlockRun({ part, blocks }, c.options(retried.fetch));
    expect(retried.requests).toHaveLength(2);
    expectStored(c.stored, [0, 1, 2, 3]);
    await expect(fetchBlockRun({ part, blocks }, collector().options(server([{ status: 404 }]).fetch))).rejects.toThrow(
      '01.webm is no longer on the server. Try again later.',
    );
  });

  it('reports a lost connection after six tries in a row with no byte arriving', async () => {
    const { fetch, requests } = server(Array(10).fill({ error: true }));
    await expect(fetchBlockRun({ part, blocks }, collector().options(fetch))).rejects.toBeInstanceOf(ConnectionLostError);
    expect(requests).toHaveLength(6);
  });

  it('keeps going as long as bytes arrive, however often the connection drops', async () => {
    const { fetch, requests } = server(Array(9).fill({ cutAfter: 100 }));
    const c = collector();
    await fetchBlockRun({ part, blocks }, c.options(fetch));
    expect(requests.length).toBe(10);
    expectStored(c.stored, [0, 1, 2, 3]);
  });
});
