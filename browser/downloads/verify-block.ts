import type { PartBlock } from '../media-cache/block-store.js';

/**
 * Checks one block against the catalog: its exact length, then its SHA-256, with WebCrypto (native,
 * off the JavaScript thread). Returns a sentence the person can read, or undefined when it matches.
 */
export async function blockProblem({ part, block }: PartBlock, bytes: BufferSource): Promise<string | undefined> {
  const expected = block.end - block.start;
  const name = fileName(part.url);
  if (bytes.byteLength !== expected) {
    return block.start === 0 && block.end === part.bytes
      ? `${name} arrived with ${bytes.byteLength} bytes instead of ${expected}`
      : `${name} arrived with ${bytes.byteLength} bytes instead of ${expected} at ${block.start}`;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return toHex(digest) === block.sha256 ? undefined : `${name} is damaged (its checksum does not match)`;
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const fileName = (url: string): string => url.slice(url.lastIndexOf('/') + 1);
