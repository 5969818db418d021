import { z } from 'zod';
import { BLOCK_BYTES, blockCount } from './download-blocks.js';
import { isMediaUrl, isSafeMediaPath } from './media-path.js';
import { QUALITIES, partFiles } from './renditions.js';

/**
 * The catalog contract: what a release is, and the validation every runtime applies to one
 * (the server at start and at publish time, the SW before it downloads anything).
 */

/** Where an operator's file is: a plain path under MEDIA_DIR, as /media/ serves it. */
const mediaPath = z.string().refine(isSafeMediaPath, { message: 'must be a plain path under /media/ on this origin' });
/** Where a client fetches it: that path, on this origin or on the media origin (MEDIA_BASE_URL). */
const mediaUrl = z
  .string()
  .refine(isMediaUrl, { message: 'must be a plain path under /media/, on this origin or the media origin' });

const text = (max: number) => z.string().trim().min(1).max(max);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

export const PART_ROLES = ['track', 'manifest', 'init', 'segment', 'subtitles', 'artwork'] as const;

/**
 * The only MIME types a part may have: audio, video, images, subtitles and streaming manifests.
 * The server sends a part with its catalog type, so a type that a browser renders as a document
 * (text/html, image/svg+xml, application/xhtml+xml…) would turn a media file into a page.
 */
export const PART_TYPES = [
  'audio/webm',
  'audio/ogg',
  'audio/mp4',
  'audio/mpeg',
  'audio/flac',
  'audio/aac',
  'video/webm',
  'video/mp4',
  'video/iso.segment',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'text/vtt',
  'application/dash+xml',
  'application/vnd.apple.mpegurl',
] as const;

/** A file: where it is, its type, and what checks it. */
const fileFieldsWith = (url: z.ZodType<string>) => ({
  url,
  type: z.enum(PART_TYPES, { error: `must be one of ${PART_TYPES.join(', ')}` }),
  bytes: z
    .number()
    .int()
    .min(1)
    .max(2 ** 40),
  sha256: sha256Hex,
  /** SHA-256 of each BLOCK_BYTES block (common/download-blocks.ts), for files larger than one block. */
  blocks: z
    .array(sha256Hex)
    .max(2 ** 16)
    .optional(),
});

/** The same part in another quality (common/renditions.ts): a track at another bitrate, a film's other video. */
const renditionWith = (url: z.ZodType<string>) => z.strictObject({ quality: z.enum(QUALITIES), ...fileFieldsWith(url) });

const partObjectWith = (url: z.ZodType<string>) =>
  z.strictObject({
    ...fileFieldsWith(url),
    role: z.enum(PART_ROLES),
    title: text(200).optional(),
    /** Pixels across, for artwork in several sizes: the app offers them as one srcset (artwork-srcset.ts). */
    width: z.number().int().min(1).max(8192).optional(),
    /** Seconds of playback, for tracks, segments and the manifest. */
    duration: z
      .number()
      .positive()
      .max(24 * 3600)
      .optional(),
    /** The quality of this part's own file; required with alternatives. */
    quality: z.enum(QUALITIES).optional(),
    alternatives: z
      .array(renditionWith(url))
      .min(1)
      .max(QUALITIES.length - 1)
      .optional(),
  });

export const partSchema = partObjectWith(mediaUrl);

export const RELEASE_KINDS = ['album', 'movie'] as const;

const releaseObjectWith = (url: z.ZodType<string>) =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a lowercase slug (a-z, 0-9, -)'),
    kind: z.enum(RELEASE_KINDS),
    title: text(200),
    artist: text(200),
    releaseDate: z.iso.date(),
    artwork: url,
    description: text(2000).optional(),
    parts: z.array(partObjectWith(url)).min(1).max(2000),
  });

type ReleaseShape = z.infer<ReturnType<typeof releaseObjectWith>>;

/**
 * Checks a release as a whole. `requireBlocks`: every part larger than one block lists its block
 * hashes (what the server sends and the browser needs); a release given to the server to publish
 * may leave them out, and the server computes them from the files.
 */
const checkRelease = (requireBlocks: boolean) => (release: ReleaseShape, ctx: z.RefinementCtx) => {
  const urls = new Set<string>();
  for (const [index, part] of release.parts.entries()) {
    for (const [n, file] of partFiles(part).entries()) {
      const at = n === 0 ? ['parts', index] : ['parts', index, 'alternatives', n - 1];
      if (urls.has(file.url)) ctx.addIssue({ code: 'custom', path: [...at, 'url'], message: 'appears twice' });
      urls.add(file.url);
      const problem = blocksProblem(file, requireBlocks);
      if (problem) ctx.addIssue({ code: 'custom', path: [...at, 'blocks'], message: problem });
    }
  }
  checkRenditions(release, ctx);
  if (!release.parts.some((p) => p.role === 'artwork' && p.url === release.artwork)) {
    ctx.addIssue({ code: 'custom', path: ['artwork'], message: 'must be the url of one of the parts with role "artwork"' });
  }
  if (release.kind === 'album') {
    const tracks = release.parts.filter((p) => p.role === 'track');
    if (tracks.length === 0) ctx.addIssue({ code: 'custom', path: ['parts'], message: 'an album needs at least one track' });
    tracks.forEach((track) => {
      if (!track.title || !track.duration) {
        const index = release.parts.indexOf(track);
        ctx.addIssue({ code: 'custom', path: ['parts', index], message: 'a track needs a title and a duration' });
      }
    });
  } else if (release.parts.filter((p) => p.role === 'manifest').length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['parts'], message: 'a movie needs exactly one manifest part' });
  }
};

/**
 * Renditions must make whole downloads: every part with alternatives offers the same qualities
 * (a download at one quality never mixes in another), each quality once, all of one kind of
 * media (a track's renditions are all audio).
 */
function checkRenditions(release: ReleaseShape, ctx: z.RefinementCtx): void {
  let offered: string | undefined;
  for (const [index, part] of release.parts.entries()) {
    if (!part.alternatives) continue;
    const at = ['parts', index];
    if (!part.quality) {
      ctx.addIssue({ code: 'custom', path: [...at, 'quality'], message: 'a part with alternatives needs its own quality' });
      continue;
    }
    const qualities = [part.quality, ...part.alternatives.map((alt) => alt.quality)];
    if (new Set(qualities).size !== qualities.length) {
      ctx.addIssue({ code: 'custom', path: [...at, 'alternatives'], message: 'each quality may appear once' });
    }
    const set = QUALITIES.filter((q) => qualities.includes(q)).join(',');
    if (offered !== undefined && set !== offered) {
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'alternatives'],
        message: `must offer the same qualities as the other parts (${offered})`,
      });
    }
    offered ??= set;
    const family = (type: string) => (type.includes('/') && !type.startsWith('application/') ? type.split('/')[0] : type);
    if (part.alternatives.some((alt) => family(alt.type) !== family(part.type))) {
      ctx.addIssue({ code: 'custom', path: [...at, 'alternatives'], message: `must all be ${family(part.type)}, like the part` });
    }
  }
}

function blocksProblem(
  part: { bytes: number; blocks?: readonly string[] | undefined },
  requireBlocks: boolean,
): string | undefined {
  const count = blockCount(part.bytes);
  if (part.blocks === undefined) {
    return requireBlocks && count > 1 ? `a file over ${BLOCK_BYTES} bytes needs its ${count} block hashes` : undefined;
  }
  if (count === 1) return 'a file of one block has no block hashes (its sha256 is the block hash)';
  return part.blocks.length === count ? undefined : `must list ${count} block hashes, one per ${BLOCK_BYTES} bytes`;
}

/** A release as the server sends it: media URLs on this origin or the media origin. */
export const releaseSchema = releaseObjectWith(mediaUrl).superRefine(checkRelease(true));

/**
 * A release as an operator publishes it: its files as paths under MEDIA_DIR (where they are
 * served from is the server's configuration), block hashes may be missing (the server adds them).
 */
export const releaseToPublishSchema = releaseObjectWith(mediaPath).superRefine(checkRelease(false));

export const catalogSchema = z.strictObject({
  releases: z.array(releaseSchema).max(10_000),
});

/** An operator's catalog file: block hashes may be missing (the server adds them). */
const catalogToPublishSchema = z.strictObject({
  releases: z.array(releaseToPublishSchema).max(10_000),
});

export type Part = z.infer<typeof partSchema>;
export type Release = z.infer<typeof releaseSchema>;
export type Catalog = z.infer<typeof catalogSchema>;

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

/** One readable line per problem, with the JSON path: `parts.2.sha256: must be 64 lowercase hex digits`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function validateWith<T>(schema: z.ZodType<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: describeIssues(result.error) };
}

export const validateRelease = (input: unknown): Validation<Release> => validateWith(releaseSchema, input);

/** A whole catalog; `toPublish`: as an operator writes it, block hashes may be missing. */
export function validateCatalog(input: unknown, { toPublish = false } = {}): Validation<Catalog> {
  const result = validateWith(toPublish ? catalogToPublishSchema : catalogSchema, input);
  if (!result.ok) return result;
  const ids = new Set<string>();
  for (const release of result.value.releases) {
    if (ids.has(release.id)) return { ok: false, message: `releases: id "${release.id}" appears twice` };
    ids.add(release.id);
  }
  return result;
}

/**
 * The releases of a catalog that pass validation, and a line for each one refused. The SW applies
 * this to every catalog it receives, so one bad release (a URL off the origin, a wrong size or
 * hash format) is never shown or downloaded, while the rest of the catalog still is. Undefined
 * when the input is not a catalog at all.
 */
export function keepValidReleases(input: unknown): { catalog: Catalog; refused: string[] } | undefined {
  const releases = (input as { releases?: unknown } | null)?.releases;
  if (!Array.isArray(releases)) return undefined;
  const kept: Release[] = [];
  const refused: string[] = [];
  for (const [index, raw] of releases.slice(0, 10_000).entries()) {
    const result = validateRelease(raw);
    if (!result.ok) refused.push(`releases.${index}: ${result.message}`);
    else if (kept.some((r) => r.id === result.value.id)) refused.push(`releases.${index}: id "${result.value.id}" appears twice`);
    else kept.push(result.value);
  }
  return { catalog: { releases: kept }, refused };
}
