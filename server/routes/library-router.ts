import { Router } from 'express';
import { releaseQuerySchema, type ReleasePage } from '#common/catalog-page';
import { decodeReleaseCursor, encodeReleaseCursor } from '../catalog/page-cursor.js';
import { searchWords } from '../catalog/search-words.js';
import { HttpError } from '../http/http-error.js';
import { sendJson } from '../http/json-entity.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import { parseQuery } from '../http/parse-query.js';
import type { CatalogStore, ReleaseList } from '../storage/catalog-store.js';

/** A page as the API sends it: positions become opaque cursors. */
export const releasePage = (list: ReleaseList): ReleasePage => ({
  releases: list.releases,
  next: list.next ? encodeReleaseCursor(list.next) : null,
});

/**
 * GET /api/library/releases?sort=&kind=&artist=&q=&cursor=&limit=: a page of release summaries
 * (common/catalog-page.ts); GET /api/library/releases/:id: one whole release.
 */
export function libraryRouter(store: CatalogStore): Router {
  const router = Router();
  router
    .route('/')
    .get(async (req, res) => {
      const query = parseQuery(releaseQuerySchema, req.query);
      const after = query.cursor === undefined ? undefined : decodeReleaseCursor(query.cursor, query.sort);
      if (query.cursor !== undefined && !after) {
        throw new HttpError(400, 'bad_request', `cursor: not a cursor of a page sorted by ${query.sort}`);
      }
      const words = query.q === undefined ? undefined : searchWords(query.q);
      // A search of punctuation alone matches nothing (rather than everything).
      if (words?.length === 0) return sendJson(req, res, { releases: [], next: null } satisfies ReleasePage);
      const list = await store.listReleases({
        sort: query.sort,
        kind: query.kind,
        artistId: query.artist,
        words,
        after,
        limit: query.limit,
      });
      sendJson(req, res, releasePage(list));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/:id')
    .get(async (req, res) => {
      const release = await store.get(req.params.id);
      if (!release) throw new HttpError(404, 'not_found', 'no release with this id');
      sendJson(req, res, release);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
