import type { Part } from '#common/catalog';
import type { Block } from '#common/download-blocks';
import type { PartBlock } from '../media-cache/block-store.js';

/** Consecutive missing blocks of one part: what one request fetches (and a resume asks for). */
export interface BlockRun {
  readonly part: Part;
  readonly blocks: readonly Block[];
}

/** Groups missing blocks into runs, so a fresh download is one request per file. */
export function runsOf(missing: readonly PartBlock[]): BlockRun[] {
  const runs: Array<{ part: Part; blocks: Block[] }> = [];
  for (const { part, block } of missing) {
    const last = runs[runs.length - 1];
    const previous = last?.blocks[last.blocks.length - 1];
    if (last && last.part === part && previous && previous.index + 1 === block.index) last.blocks.push(block);
    else runs.push({ part, blocks: [block] });
  }
  return runs;
}

export const runStart = (run: BlockRun): number => (run.blocks[0] as Block).start;
export const runEnd = (run: BlockRun): number => (run.blocks[run.blocks.length - 1] as Block).end;

/** The Range header that asks for exactly the run, or undefined when the run is the whole file. */
export function runRange(run: BlockRun): string | undefined {
  return runStart(run) === 0 && runEnd(run) === run.part.bytes ? undefined : `bytes=${runStart(run)}-${runEnd(run) - 1}`;
}
