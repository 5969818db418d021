import type { Part, Release } from '#common/catalog';
import { CACHE_NAMES } from '#common/cache-names';
import { FILE_BYTES_HEADER, blockKey, blocksOf, parseBlockKey, type Block } from '#common/download-blocks';
import { mediaPathOf } from '#common/media-path';
import { ledger } from '../ledger/ledger.js';

/**
 * A block's cache key: the file's path on the app's own origin, whichever origin serves the file
 * (the media may be on a CDN: MEDIA_BASE_URL), so a download outlives a move of the media.
 * Absolute, as Cache Storage keys are; `location` exists in the page and the SW alike.
 */
const keyOf = ({ part, block }: PartBlock): string => new URL(blockKey(mediaPathOf(part.url), block.index), location.origin).href;

const mediaCache = (): Promise<Cache> => caches.open(CACHE_NAMES.media);

/** One block of one part, as the download engines and the checks see it. */
export interface PartBlock {
  readonly part: Part;
  readonly block: Block;
}

export const blockBytes = ({ block }: PartBlock): number => block.end - block.start;

/** Stores a checked block as a plain 200 under its own key (Cache Storage refuses 206). */
export async function putBlock({ part, block }: PartBlock, body: Blob): Promise<void> {
  const headers = {
    'Content-Type': part.type,
    'Content-Length': String(block.end - block.start),
    [FILE_BYTES_HEADER]: String(part.bytes),
  };
  await (await mediaCache()).put(keyOf({ part, block }), new Response(body, { status: 200, headers }));
}

/** Every key in the media cache (one call, however many blocks: cheaper than a match per block). */
export async function storedKeys(): Promise<Set<string>> {
  return new Set((await (await mediaCache()).keys()).map((request) => request.url));
}

export const allBlocks = (release: Release): PartBlock[] =>
  release.parts.flatMap((part) => blocksOf(part).map((block) => ({ part, block })));

export const isStored = (partBlock: PartBlock, stored: Set<string>): boolean => stored.has(keyOf(partBlock));

/** The blocks of a release not in the media cache, in catalog order. */
export async function missingBlocks(release: Release, stored?: Set<string>): Promise<PartBlock[]> {
  const keys = stored ?? (await storedKeys());
  return allBlocks(release).filter((partBlock) => !isStored(partBlock, keys));
}

/**
 * Removes the blocks of a release (a cancel, a removal, a full disk), except those of files that
 * another download also lists: releases may share a file (a compilation and its album, say).
 */
export async function deleteReleaseBlocks(release: Release): Promise<void> {
  const cache = await mediaCache();
  const others = await pathsOfOtherDownloads(release.id);
  const blocks = allBlocks(release).filter(({ part }) => !others.has(mediaPathOf(part.url)));
  await Promise.all(blocks.map((partBlock) => cache.delete(keyOf(partBlock))));
}

/**
 * The media paths of the files the other downloads list, and of every copy a quality change keeps
 * meanwhile, this release's included: a new quality that fails or is aborted must not take the
 * artwork or a film's audio from the copy still in use.
 */
async function pathsOfOtherDownloads(releaseId: string): Promise<Set<string>> {
  const releases = (await ledger.all()).flatMap((r) => [
    ...(r.releaseId !== releaseId ? [r.release] : []),
    ...(r.replacing ? [r.replacing] : []),
  ]);
  return new Set(releases.flatMap((release) => release.parts.map((p) => mediaPathOf(p.url))));
}

/** The parts of `release` whose files `other` does not list: what one quality has that another does not. */
export function filesNotIn(release: Release, other: Release): Release {
  const kept = new Set(other.parts.map((p) => mediaPathOf(p.url)));
  return { ...release, parts: release.parts.filter((p) => !kept.has(mediaPathOf(p.url))) };
}

/**
 * Deletes whatever in the media cache belongs to no download: blocks a cancelled download's last
 * write left behind, a crash between removing a record and its blocks, files of an older storage
 * format. The keys are listed before the ledger is read: a block is written only after its record
 * exists, so a download that starts meanwhile is in the ledger read and keeps its blocks.
 */
export async function sweepOrphanBlocks(): Promise<number> {
  const cache = await mediaCache();
  const keys = await cache.keys();
  const wanted = await pathsOfOtherDownloads('');
  const orphans = keys.filter((request) => {
    const block = parseBlockKey(new URL(request.url).pathname + new URL(request.url).search);
    return !block || !wanted.has(block.url);
  });
  await Promise.all(orphans.map((request) => cache.delete(request)));
  return orphans.length;
}
