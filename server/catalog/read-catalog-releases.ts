import { createReadStream } from 'node:fs';

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * The releases of a catalog file `{ "releases": [ … ] }`, parsed one at a time as the file is
 * read. A catalog of a million releases is far larger than one JavaScript string may be, and
 * parsing it whole would hold every release in memory at once. Structural characters are ASCII,
 * and UTF-8 never uses ASCII bytes inside a multi-byte character, so bytes can be scanned as they
 * come. Throws an Error saying where the file stops being a catalog.
 */
export async function* readCatalogReleases(file: string): AsyncGenerator<unknown> {
  let phase = 'head' as 'head' | 'between' | 'item' | 'tail';
  let head = '';
  let tail = '';
  let pieces: Buffer[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let index = 0;
  let needComma = false;

  for await (const data of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const chunk = data as Buffer;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (phase === 'head') {
        head += String.fromCharCode(byte);
        if (byte === 0x5b) {
          if (!/^(?:\xEF\xBB\xBF)?\s*\{\s*"releases"\s*:\s*\[$/.test(head)) throw new Error('must be { "releases": [ … ] }');
          phase = 'between';
        } else if (head.length > 64) throw new Error('must be { "releases": [ … ] }');
      } else if (phase === 'between') {
        if (isSpace(byte)) continue;
        if (byte === COMMA && needComma) needComma = false;
        else if (byte === CLOSE_BRACKET && (needComma || index === 0)) phase = 'tail';
        else if (byte === OPEN_BRACE && !needComma) {
          phase = 'item';
          depth = 1;
          start = i;
        } else throw new Error(`releases.${index}: expected ${needComma ? 'a comma or ]' : 'a release object'}`);
      } else if (phase === 'item') {
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === BACKSLASH) escaped = true;
          else if (byte === QUOTE) inString = false;
        } else if (byte === QUOTE) inString = true;
        else if (byte === OPEN_BRACE) depth++;
        else if (byte === CLOSE_BRACE && --depth === 0) {
          pieces.push(chunk.subarray(start, i + 1));
          yield parseItem(Buffer.concat(pieces), index++);
          pieces = [];
          phase = 'between';
          needComma = true;
        }
      } else {
        tail += String.fromCharCode(byte);
        if (tail.length > 64) throw new Error('has more after its releases');
      }
    }
    if (phase === 'item') {
      pieces.push(chunk.subarray(start));
      start = 0;
    }
  }
  if (phase !== 'tail' || /^\s*$/.test(tail)) throw new Error('ends before its releases do');
  if (!/^\s*\}\s*$/.test(tail)) throw new Error('has more after its releases');
}

function parseItem(bytes: Buffer, index: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`releases.${index}: not valid JSON (${(error as Error).message})`);
  }
}
