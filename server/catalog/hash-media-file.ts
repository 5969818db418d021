import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { BLOCK_BYTES } from '#common/download-blocks';

export interface FileHashes {
  readonly sha256: string;
  /** SHA-256 of each BLOCK_BYTES block, in order (one entry for a file of one block). */
  readonly blocks: string[];
}

/** Reads a file once and hashes it whole and block by block (common/download-blocks.ts). */
export function hashMediaFile(file: string): Promise<FileHashes> {
  return new Promise((resolve, reject) => {
    const whole = createHash('sha256');
    const blocks: string[] = [];
    let block: Hash = createHash('sha256');
    let inBlock = 0;
    createReadStream(file, { highWaterMark: 1024 * 1024 })
      .on('data', (data) => {
        let chunk = data as Buffer;
        whole.update(chunk);
        while (chunk.length > 0) {
          const take = Math.min(chunk.length, BLOCK_BYTES - inBlock);
          block.update(chunk.subarray(0, take));
          inBlock += take;
          chunk = chunk.subarray(take);
          if (inBlock === BLOCK_BYTES) {
            blocks.push(block.digest('hex'));
            block = createHash('sha256');
            inBlock = 0;
          }
        }
      })
      .on('error', reject)
      .on('end', () => {
        if (inBlock > 0 || blocks.length === 0) blocks.push(block.digest('hex'));
        resolve({ sha256: whole.digest('hex'), blocks });
      });
  });
}
