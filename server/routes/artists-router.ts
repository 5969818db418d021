import { Router } from 'express';
import { artistIdSchema, artistQuerySchema, PAGE_LIMIT_DEFAULT, type ArtistDetail, type ArtistPage } from '#common/catalog-page';
import { decodeArtistCursor, encodeArtistCursor } from '../catalog/page-cursor.js';
import { HttpError } from '../http/http-error.js';
import { sendJson } from '../http/json-entity.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import { parseQuery } from '../http/parse-query.js';
import type { CatalogStore } from '../storage/catalog-store.js';
import { releasePage } from './library-router.js';

/**
 * GET /api/artists?cursor=&limit=: artists A–Z with how many releases each has;
 * GET /api/artists/:id: one artist and the first page of their releases, newest first (the next
 * pages are GET /api/library/releases?artist=<id>&cursor=…).
 */
export function artistsRouter(store: CatalogStore): Router {
  const router = Router();
  router
    .route('/')
    .get(async (req, res) => {
      const query = parseQuery(artistQuerySchema, req.query);
      const after = query.cursor === undefined ? undefined : decodeArtistCursor(query.cursor);
      if (query.cursor !== undefined && !after)
        throw new HttpError(400, 'bad_request', 'cursor: not a cursor of the artist list');
      const list = await store.listArtists(after, query.limit);
      sendJson(req, res, {
        artists: list.artists,
        next: list.next ? encodeArtistCursor(list.next) : null,
      } satisfies ArtistPage);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/:id')
    .get(async (req, res) => {
      if (!artistIdSchema.safeParse(req.params.id).success) throw new HttpError(400, 'bad_request', 'id: must be an artist id');
      const artist = await store.artist(req.params.id);
      if (!artist) throw new HttpError(404, 'not_found', 'no artist with this id');
      const releases = await store.listReleases({ sort: 'added', artistId: artist.id, limit: PAGE_LIMIT_DEFAULT });
      sendJson(req, res, { artist, releases: releasePage(releases) } satisfies ArtistDetail);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
