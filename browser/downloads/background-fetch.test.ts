import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, blocksOf } from '#common/download-blocks';
import { sampleAlbum } from '#common/sample-album.fixture';
import { BLOCKS_PER_REQUEST, heldBlocks, requestRuns } from './background-fetch.js';

/** A part of five blocks (the hashes do not matter here: nothing is checked). */
const album = sampleAlbum();
const [first, second] = album.parts as [NonNullable<(typeof album.parts)[0]>, NonNullable<(typeof album.parts)[0]>];
const big = { ...first, bytes: 4 * BLOCK_BYTES + 100, blocks: Array(5).fill('0'.repeat(64)) };
const other = { ...second };
const blocks = (part: typeof big, indexes: number[]) =>
  blocksOf(part)
    .filter((b) => indexes.includes(b.index))
    .map((block) => ({ part, block }));
const origin = 'https://stowaway.test';

describe('heldBlocks: which wanted blocks one Background Fetch record holds', () => {
  it('finds the tail of a whole-file record when the page stored its first blocks meanwhile', () => {
    // The case that failed: the fetch asked for the whole file, the page stored blocks 0–2 while it
    // ran, so what is still wanted (3–4) is not a run the record was asked for.
    const held = heldBlocks(new Request(origin + big.url), blocks(big, [3, 4]));
    expect(held?.run.blocks.map((b) => b.index)).toEqual([3, 4]);
    expect(held?.fetched).toEqual({ start: 0, ranged: false });
  });

  it('reads the offset of a resumed (Range) record, and leaves out blocks it does not hold', () => {
    const range = `bytes=${2 * BLOCK_BYTES}-${big.bytes - 1}`;
    const held = heldBlocks(new Request(origin + big.url, { headers: { Range: range } }), blocks(big, [0, 3, 4]));
    expect(held?.run.blocks.map((b) => b.index)).toEqual([3, 4]);
    expect(held?.fetched).toEqual({ start: 2 * BLOCK_BYTES, ranged: true });
  });

  it('holds nothing for a file no wanted block belongs to', () => {
    expect(heldBlocks(new Request(origin + other.url), blocks(big, [0]))).toBeUndefined();
  });
});

describe('requestRuns: what one Background Fetch asks for', () => {
  it('cuts a file into requests of at most BLOCKS_PER_REQUEST blocks, each one a Range', () => {
    const runs = requestRuns(blocks(big, [0, 1, 2, 3, 4]));
    expect(runs.flatMap((run) => run.blocks.map((b) => b.index))).toEqual([0, 1, 2, 3, 4]);
    expect(runs).toHaveLength(Math.ceil(5 / BLOCKS_PER_REQUEST));
    for (const run of runs) expect(run.blocks.length).toBeLessThanOrEqual(BLOCKS_PER_REQUEST);
    // Each request, read back, holds exactly its own blocks.
    for (const run of runs) {
      const first = run.blocks[0] as NonNullable<(typeof run.blocks)[0]>;
      const last = run.blocks[run.blocks.length - 1] as NonNullable<(typeof run.blocks)[0]>;
      const request = new Request(origin + big.url, { headers: { Range: `bytes=${first.start}-${last.end - 1}` } });
      expect(heldBlocks(request, blocks(big, [0, 1, 2, 3, 4]))?.run.blocks).toEqual(run.blocks);
    }
  });
});
