import { z } from 'zod';
import { ARTIST_ID_PATTERN } from './artist-id.js';
import { RELEASE_KINDS, releaseSchema } from './catalog.js';

/**
 * The paged library API: what the query strings may say and what every answer looks like.
 * The server parses queries with these schemas and the tests check answers with them.
 */

/** `added`: newest first; `title`: A–Z; `artist`: A–Z by artist, then title; `relevance`: best search match first. */
export const LIBRARY_SORTS = ['added', 'title', 'artist', 'relevance'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;
export const SEARCH_MAX_LENGTH = 200;
/** Changes sent in one answer of the change feed; `more` says to ask again from `version`. */
export const CHANGES_LIMIT = 200;

const limit = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(PAGE_LIMIT_MAX, `must be at most ${PAGE_LIMIT_MAX}`)
  .default(PAGE_LIMIT_DEFAULT);

/** An opaque position made by the server; only its alphabet is checked here. */
const cursor = z
  .string()
  .max(1024)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor from a previous page');

export const artistIdSchema = z.string().regex(ARTIST_ID_PATTERN, 'must be an artist id');

/** GET /api/library/releases. `sort` defaults to `relevance` with `q`, else `added`. */
export const releaseQuerySchema = z
  .strictObject({
    sort: z.enum(LIBRARY_SORTS).optional(),
    kind: z.enum(RELEASE_KINDS).optional(),
    artist: artistIdSchema.optional(),
    q: z.string().trim().max(SEARCH_MAX_LENGTH).optional(),
    cursor: cursor.optional(),
    limit,
  })
  .transform(({ q, sort, ...rest }) => {
    const search = q === '' ? undefined : q;
    return { ...rest, q: search, sort: sort ?? (search ? 'relevance' : 'added') } as const;
  })
  .refine((query) => query.sort !== 'relevance' || query.q !== undefined, {
    path: ['sort'],
    message: 'relevance needs a search (q)',
  });
export type ReleaseQuery = z.output<typeof releaseQuerySchema>;

/** GET /api/artists. */
export const artistQuerySchema = z.strictObject({ cursor: cursor.optional(), limit });

/**
 * GET /api/catalog/changes?since=N: N is the `version` the client's copy is at (0: every release).
 * `since=latest`: a client with no copy asks where to follow from, and is told to resync there.
 */
export const CHANGES_SINCE_LATEST = 'latest';
export const changesQuerySchema = z.strictObject({
  since: z
    .string({ error: 'must be a version number' })
    .regex(/^(\d{1,15}|latest)$/, 'must be a version number or latest')
    .transform((since) => (since === CHANGES_SINCE_LATEST ? CHANGES_SINCE_LATEST : Number(since))),
});

/** What a list shows of a release: no parts, no hashes. The whole release is one GET away. */
export const releaseSummarySchema = z.strictObject({
  id: z.string(),
  kind: z.enum(RELEASE_KINDS),
  title: z.string(),
  artist: z.string(),
  artistId: z.string(),
  releaseDate: z.string(),
  artwork: z.string(),
  /** The artwork's sizes as an `<img srcset>` (common/artwork-srcset.ts); absent when it has one size. */
  artworkSrcset: z.string().optional(),
  /** Seconds of playback (common/release-facts.ts). */
  duration: z.number(),
  /** Bytes a download of the whole release transfers. */
  bytes: z.number(),
  tracks: z.number().int(),
});
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;

/** One page; `next` is the cursor of the page after it, null on the last one. */
export const releasePageSchema = z.strictObject({
  releases: z.array(releaseSummarySchema),
  next: z.string().nullable(),
});
export type ReleasePage = z.infer<typeof releasePageSchema>;

export const artistSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  releases: z.number().int(),
});
export type ArtistSummary = z.infer<typeof artistSummarySchema>;

export const artistPageSchema = z.strictObject({
  artists: z.array(artistSummarySchema),
  next: z.string().nullable(),
});
export type ArtistPage = z.infer<typeof artistPageSchema>;

/** GET /api/artists/:id: the artist and the first page of their releases, newest first. */
export const artistDetailSchema = z.strictObject({
  artist: artistSummarySchema,
  releases: releasePageSchema,
});
export type ArtistDetail = z.infer<typeof artistDetailSchema>;

/**
 * GET /api/catalog/changes?since=N. `changes`: the releases added or changed since N (whole),
 * which of them are new since N (`added`: not merely edited), and the ids removed; the client's copy is then at `version`, and `more` says there is more to ask
 * for from there. `resync`: N is older than the changes the server keeps (or is not one of its
 * versions): page the library again and follow changes from `version`.
 */
export const catalogChangesSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('changes'),
    since: z.number().int(),
    version: z.number().int(),
    upserts: z.array(releaseSchema),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    more: z.boolean(),
  }),
  z.strictObject({ type: z.literal('resync'), version: z.number().int() }),
]);
export type CatalogChanges = z.infer<typeof catalogChangesSchema>;
