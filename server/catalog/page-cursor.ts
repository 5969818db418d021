import { z } from 'zod';
import type { LibrarySort } from '#common/catalog-page';
import type { ArtistPosition, ReleasePosition } from '../storage/catalog-store.js';

/**
 * Cursors are opaque to clients: base64url of a short JSON array holding the last row's keys.
 * One that does not decode to a position of the sort asked for is refused, never guessed at.
 */
const key = z.string().max(400);
const seq = z.number().int().min(0);
const releaseCursor = z.union([
  z.tuple([z.literal('a'), seq]),
  z.tuple([z.literal('t'), key, seq]),
  z.tuple([z.literal('r'), key, key, seq]),
  z.tuple([z.literal('s'), z.number(), seq, seq]),
]);
const artistCursor = z.tuple([z.literal('n'), key, key]);

const encode = (value: unknown[]): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode<T>(schema: z.ZodType<T>, cursor: string): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export function encodeReleaseCursor(p: ReleasePosition): string {
  switch (p.sort) {
    case 'added':
      return encode(['a', p.seq]);
    case 'title':
      return encode(['t', p.titleKey, p.seq]);
    case 'artist':
      return encode(['r', p.artistKey, p.titleKey, p.seq]);
    case 'relevance':
      return encode(['s', p.score, p.seq, p.maxSeq]);
  }
}

/** The position a cursor names, if it is one made for this sort. */
export function decodeReleaseCursor(cursor: string, sort: LibrarySort): ReleasePosition | undefined {
  const value = decode(releaseCursor, cursor);
  if (!value) return undefined;
  const position: ReleasePosition =
    value[0] === 'a'
      ? { sort: 'added', seq: value[1] }
      : value[0] === 't'
        ? { sort: 'title', titleKey: value[1], seq: value[2] }
        : value[0] === 'r'
          ? { sort: 'artist', artistKey: value[1], titleKey: value[2], seq: value[3] }
          : { sort: 'relevance', score: value[1], seq: value[2], maxSeq: value[3] };
  return position.sort === sort ? position : undefined;
}

export const encodeArtistCursor = (p: ArtistPosition): string => encode(['n', p.sortKey, p.id]);

export function decodeArtistCursor(cursor: string): ArtistPosition | undefined {
  const value = decode(artistCursor, cursor);
  return value && { sortKey: value[1], id: value[2] };
}
