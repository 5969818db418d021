import type { Part, Release } from './catalog.js';

/**
 * Qualities of a release. A part may have its file in several renditions: the part itself is
 * one (its `quality`), `alternatives` are the others. The part's own URL stays its identity
 * (favourites, resume positions, the queue); which file is fetched or played is chosen here.
 * Kept apart from catalog.ts so the page can use it without bundling the validation library.
 */
export const QUALITIES = ['low', 'normal', 'high'] as const;
export type Quality = (typeof QUALITIES)[number];

/** What Settings and the Download choice call each quality. */
export const QUALITY_LABELS: Readonly<Record<Quality, string>> = { low: 'Data saver', normal: 'Normal', high: 'High' };

/** A default download quality, or "ask each time" (a download nobody can be asked about takes Normal). */
export type QualityChoice = Quality | 'ask';
export const DEFAULT_QUALITY: Quality = 'normal';

/** One file of a part: what is fetched, stored and checked. */
export type MediaFile = Pick<Part, 'url' | 'type' | 'bytes' | 'sha256' | 'blocks'>;

const fileOf = ({ url, type, bytes, sha256, blocks }: MediaFile): MediaFile =>
  blocks ? { url, type, bytes, sha256, blocks } : { url, type, bytes, sha256 };

/** Every file a part names: its own, then its alternatives. */
export const partFiles = (part: Part): MediaFile[] => [fileOf(part), ...(part.alternatives ?? [])];

/** Every file a release names, in every quality (what the server serves and checks). */
export const releaseFiles = (release: Release): MediaFile[] => release.parts.flatMap(partFiles);

/** The same release with every file changed by `change` (a media origin, completed block hashes). */
export function mapReleaseFiles(release: Release, change: (file: MediaFile) => MediaFile): Release {
  return {
    ...release,
    parts: release.parts.map((part) => {
      const own = change(fileOf(part));
      const changed: Part = { ...part, ...own };
      if (!own.blocks) delete changed.blocks;
      return part.alternatives
        ? { ...changed, alternatives: part.alternatives.map((alt) => ({ ...alt, ...change(fileOf(alt)) })) }
        : changed;
    }),
  };
}

/** The qualities a release offers, lowest first; empty when it has one file per part. */
export function releaseQualities(release: Release): Quality[] {
  const offered = new Set<Quality>();
  for (const part of release.parts) {
    if (!part.alternatives || !part.quality) continue;
    offered.add(part.quality);
    for (const alt of part.alternatives) offered.add(alt.quality);
  }
  return QUALITIES.filter((q) => offered.has(q));
}

/** A part's file at a quality; its own file when it has no rendition of that quality (artwork, a film's audio). */
export function fileAt(part: Part, quality: Quality): MediaFile {
  return part.alternatives?.find((alt) => alt.quality === quality) ?? fileOf(part);
}

/** The URL of each quality a part offers (a queued track keeps them, to stream at the person's choice). */
export function renditionUrls(part: Part): Partial<Record<Quality, string>> {
  if (!part.alternatives || !part.quality) return {};
  return Object.fromEntries([[part.quality, part.url], ...part.alternatives.map((alt) => [alt.quality, alt.url])]);
}

/**
 * The release as downloaded at `quality`: each part's own file is the one of that quality, the
 * others become its alternatives. Parts stay in order, so everything that fetches, checks, stores,
 * counts or deletes a download's files reads `parts` as before and handles one quality only.
 */
export function releaseAt(release: Release, quality: Quality): Release {
  return {
    ...release,
    parts: release.parts.map((part) => {
      const chosen = part.alternatives?.find((alt) => alt.quality === quality);
      if (!chosen || !part.quality) return part;
      const others = [{ quality: part.quality, ...fileOf(part) }, ...(part.alternatives ?? []).filter((alt) => alt !== chosen)];
      const { quality: _quality, ...file } = chosen;
      const swapped: Part = { ...part, ...file, quality, alternatives: others };
      if (!file.blocks) delete swapped.blocks;
      return swapped;
    }),
  };
}

/** The quality a release was resolved at: the one its parts with renditions share (undefined with none). */
export const qualityOf = (release: Release): Quality | undefined =>
  release.parts.find((part) => part.alternatives && part.quality)?.quality;

/** Bytes a download at `quality` stores: shown before anything is fetched. */
export const bytesAt = (release: Release, quality: Quality): number =>
  release.parts.reduce((sum, part) => sum + fileAt(part, quality).bytes, 0);
