import { describe, expect, it } from 'vitest';
import { blocksOf } from '#common/download-blocks';
import { sampleAlbum } from '#common/sample-album.fixture';
import { blockProblem } from './verify-block.js';

const hex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

describe('blockProblem', async () => {
  const bytes = new Uint8Array(300).map((_, i) => (i * 31) % 256);
  const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
  const part = { ...(sampleAlbum().parts[0] as NonNullable<ReturnType<typeof sampleAlbum>['parts'][0]>), bytes: 300, sha256 };
  const target = { part, block: blocksOf(part)[0] as NonNullable<ReturnType<typeof blocksOf>[0]> };

  it('accepts the exact bytes', async () => {
    expect(await blockProblem(target, bytes)).toBeUndefined();
  });

  it('names the file and the size when bytes are missing', async () => {
    expect(await blockProblem(target, bytes.subarray(0, 200))).toBe('01.webm arrived with 200 bytes instead of 300');
  });

  it('calls a block with one changed byte damaged', async () => {
    const damaged = bytes.slice();
    damaged[150] = (damaged[150] ?? 0) ^ 1;
    expect(await blockProblem(target, damaged)).toBe('01.webm is damaged (its checksum does not match)');
  });
});
