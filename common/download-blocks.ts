/**
 * A downloaded file is fetched, checked and stored in blocks: each block has its own SHA-256 in
 * the catalog (a part's `blocks`), so it is checked natively (`crypto.subtle.digest`) as soon as it
 * has arrived, while the rest of the file is still on its way, and it is stored as its own Cache
 * Storage entry. A paused or cut download keeps every block it has; resuming fetches only the
 * missing ones; seeking offline reads one entry however large the file.
 *
 * Why 16 MiB: Background Fetch runs two requests at a time and pauses about 25 ms between them
 * (measured in Debian Chromium 156 on loopback), so smaller blocks cost throughput on a fast link;
 * larger ones make the work left after the last byte (reading back, hashing, storing the final
 * block) and the memory a block needs larger. A file up to one block is one plain request.
 */
export const BLOCK_BYTES = 16 * 1024 * 1024;

export interface Block {
  readonly index: number;
  /** First byte, inclusive. */
  readonly start: number;
  /** Last byte + 1. */
  readonly end: number;
  readonly sha256: string;
}

/** What a part must say about itself for its blocks to be known. */
export interface BlockedFile {
  readonly url: string;
  readonly bytes: number;
  readonly sha256: string;
  /** SHA-256 of each BLOCK_BYTES block, for files larger than one block. */
  readonly blocks?: readonly string[] | undefined;
}

export const blockCount = (bytes: number): number => Math.max(1, Math.ceil(bytes / BLOCK_BYTES));

/** The blocks of a file, in order. A one-block file's block hash is the file's own sha256. */
export function blocksOf(file: BlockedFile): Block[] {
  const count = blockCount(file.bytes);
  const hashes = count === 1 ? [file.sha256] : (file.blocks ?? []);
  return Array.from({ length: count }, (_, index) => ({
    index,
    start: index * BLOCK_BYTES,
    end: Math.min(file.bytes, (index + 1) * BLOCK_BYTES),
    sha256: hashes[index] ?? '',
  }));
}

/**
 * The Cache Storage key of one stored block (a path with a query, made absolute by the caller).
 * The player never asks for a URL with this query, so a block is only ever served through the SW's
 * composition of a whole file.
 */
export const blockKey = (url: string, index: number): string => `${url}?block=${index}`;

/** The URL and block index a block key was made from; undefined for any other URL. */
export function parseBlockKey(key: string): { url: string; index: number } | undefined {
  const match = /^(.*)\?block=(\d+)$/.exec(key);
  return match ? { url: match[1] as string, index: Number(match[2]) } : undefined;
}

/** The Range header that asks for exactly one block, or undefined when the block is the whole file. */
export function blockRange(file: BlockedFile, block: Block): string | undefined {
  return block.start === 0 && block.end === file.bytes ? undefined : `bytes=${block.start}-${block.end - 1}`;
}

/**
 * Set on every stored block: the whole file's size. The SW serves a Range from one block without
 * knowing the catalog (the file's size is in the `Content-Range` of every 206 answer).
 */
export const FILE_BYTES_HEADER = 'X-Stowaway-File-Bytes';
