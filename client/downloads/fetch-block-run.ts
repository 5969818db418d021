import type { Block } from '#common/download-blocks';
import type { BlockRun } from '#browser/downloads/block-runs';

export interface FetchRunOptions {
  readonly signal: AbortSignal;
  /** Bytes arrived (negative when bytes already counted will be fetched again). */
  onBytes(delta: number): void;
  /** A whole block has arrived: check and store it; returns a problem when it does not match. */
  onBlock(block: Block, bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Tries in a row without a single byte arriving before the connection counts as lost. */
const MAX_ATTEMPTS = 6;

/** The connection kept failing: the caller tells "wait for the network" from "give up". */
export class ConnectionLostError extends Error {}

/** A failure that retrying cannot mend (a 404, a block damaged twice). */
export class FinalDownloadError extends Error {}

/**
 * Fetches a run of blocks as one streaming request and hands each block over as soon as its last
 * byte arrives, so checking and storing one block overlaps the arrival of the next (one block
 * waits at most: memory stays bounded). When the connection drops, it asks for the rest with a
 * Range request (If-Range on the ETag) and keeps the bytes of the block in progress. A block that
 * does not match is fetched once more; twice is final.
 */
export async function fetchBlockRun(run: BlockRun, options: FetchRunOptions): Promise<void> {
  const state = new RunState(run, options);
  for (let attempt = 1; !state.finished;) {
    const from = state.position;
    try {
      await state.fetchFrom(from);
    } catch (error) {
      if (options.signal.aborted || error instanceof FinalDownloadError) throw error;
      if ((error as { name?: string }).name === 'QuotaExceededError') throw error;
      if (state.position > from) attempt = 1; // bytes arrived: the next drop starts a fresh count
      if (attempt >= MAX_ATTEMPTS) throw new ConnectionLostError(`The connection to the server kept failing.`);
      await (options.sleep ?? wait)(Math.min(500 * 2 ** (attempt - 1), 8000));
      attempt++;
    }
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class RunState {
  /** Index in run.blocks of the block being filled. */
  #next = 0;
  #buffer: Uint8Array<ArrayBuffer>;
  #filled = 0;
  #etag: string | null = null;
  /** The previous block, being checked and stored while this one fills. */
  #storing: { index: number; result: Promise<string | undefined> } | undefined;
  readonly #damagedOnce = new Set<number>();

  constructor(
    private readonly run: BlockRun,
    private readonly options: FetchRunOptions,
  ) {
    this.#buffer = newBuffer(run.blocks[0] as Block);
  }

  get finished(): boolean {
    return this.#next >= this.run.blocks.length && !this.#storing;
  }

  /** The next byte wanted from the server. */
  get position(): number {
    const block = this.run.blocks[this.#next];
    return block ? block.start + this.#filled : this.#end;
  }

  get #end(): number {
    return (this.run.blocks[this.run.blocks.length - 1] as Block).end;
  }

  async fetchFrom(from: number): Promise<void> {
    const { part } = this.run;
    if (this.#next < this.run.blocks.length) {
      const whole = from === 0 && this.#end === part.bytes;
      const range = { Range: `bytes=${from}-${this.#end - 1}`, ...(this.#etag ? { 'If-Range': this.#etag } : {}) };
      const response = await (this.options.fetch ?? fetch)(part.url, {
        headers: whole ? {} : range,
        signal: this.options.signal,
        cache: 'no-store',
      });
      if (response.status !== 200 && response.status !== 206) {
        const name = part.url.slice(part.url.lastIndexOf('/') + 1);
        if (response.status >= 500) throw new Error(`the server answered ${response.status} for ${name}`);
        throw new FinalDownloadError(
          response.status === 404 || response.status === 410
            ? `${name} is no longer on the server. Try again later.`
            : `The server refused ${name} (${response.status}). Try again later.`,
        );
      }
      this.#etag = response.headers.get('ETag') ?? this.#etag;
      if (!response.body) throw new Error('empty response');
      // A 200 to a Range request (the file changed, or ranges are ignored) starts at byte 0.
      const skip = response.status === 200 ? from : 0;
      const byob = skip === 0 ? byobReader(response.body) : undefined;
      await (byob ? this.#consumeInto(byob) : this.#consume(response.body.getReader(), skip));
    }
    await this.#settleStoring();
    // A body can end early without an error (a cut through a proxy or the SW): resume then too.
    if (!this.finished) throw new Error(`the connection dropped at byte ${this.position}`);
  }

  async #consume(reader: ReadableStreamDefaultReader<Uint8Array>, skip: number): Promise<void> {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      let chunk = value.subarray(Math.min(skip, value.byteLength));
      skip -= value.byteLength - chunk.byteLength;
      while (chunk.byteLength > 0 && this.#next < this.run.blocks.length) {
        const take = Math.min(chunk.byteLength, this.#buffer.byteLength - this.#filled);
        this.#buffer.set(chunk.subarray(0, take), this.#filled);
        this.#filled += take;
        chunk = chunk.subarray(take);
        this.options.onBytes(take);
        if (this.#filled === this.#buffer.byteLength && !(await this.#blockArrived())) {
          await reader.cancel();
          return; // a damaged block: fetch again from its start
        }
      }
    }
  }

  /**
   * The same as #consume, with reads of up to 1 MiB into a buffer of our own (a few hundred reads
   * for 200 MB here, against thousands of 64 KiB chunks). Not straight into the block: a read that
   * fails takes its buffer with it, and the bytes of the block in progress must survive a cut.
   */
  async #consumeInto(reader: ReadableStreamBYOBReader): Promise<void> {
    let scratch = new Uint8Array(1024 * 1024);
    while (this.#next < this.run.blocks.length) {
      const room = this.#buffer.byteLength - this.#filled;
      const { done, value } = await reader.read(scratch.subarray(0, Math.min(room, scratch.byteLength)));
      if (done || !value) return;
      // The buffer was handed to the stream and comes back in `value` (transferred): keep using it.
      scratch = new Uint8Array(value.buffer as ArrayBuffer);
      this.#buffer.set(value, this.#filled);
      this.#filled += value.byteLength;
      this.options.onBytes(value.byteLength);
      if (this.#filled === this.#buffer.byteLength && !(await this.#blockArrived())) {
        await reader.cancel();
        return; // a damaged block: fetch again from its start
      }
    }
  }

  /** Hands the full block over; false when the previous one turned out damaged (and is to be fetched again). */
  async #blockArrived(): Promise<boolean> {
    if (!(await this.#settleStoring())) return false;
    const block = this.run.blocks[this.#next] as Block;
    this.#storing = { index: this.#next, result: this.options.onBlock(block, this.#buffer) };
    this.#next++;
    this.#filled = 0;
    const following = this.run.blocks[this.#next];
    if (following) this.#buffer = newBuffer(following);
    return true;
  }

  /** Waits for the block being stored; on a mismatch, rewinds to it (bytes counted again are uncounted). */
  async #settleStoring(): Promise<boolean> {
    const storing = this.#storing;
    if (!storing) return true;
    const problem = await storing.result;
    this.#storing = undefined;
    if (!problem) return true;
    const block = this.run.blocks[storing.index] as Block;
    if (this.#damagedOnce.has(block.index)) throw new FinalDownloadError(problem);
    this.#damagedOnce.add(block.index);
    this.options.onBytes(-(this.position - block.start));
    this.#next = storing.index;
    this.#filled = 0;
    this.#buffer = newBuffer(block);
    return false;
  }
}

const newBuffer = (block: Block): Uint8Array<ArrayBuffer> => new Uint8Array(block.end - block.start);

/** A reader that fills our own buffers, where the body is a byte stream (Chromium, Firefox); else undefined. */
function byobReader(body: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | undefined {
  try {
    return body.getReader({ mode: 'byob' });
  } catch {
    return undefined;
  }
}
