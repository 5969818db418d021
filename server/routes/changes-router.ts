import { Router } from 'express';
import { CHANGES_LIMIT, CHANGES_SINCE_LATEST, changesQuerySchema, type CatalogChanges } from '#common/catalog-page';
import type { Release } from '#common/catalog';
import { sendJson } from '../http/json-entity.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import { parseQuery } from '../http/parse-query.js';
import type { CatalogStore } from '../storage/catalog-store.js';

/**
 * GET /api/catalog/changes?since=N: the releases added or changed since version N (whole, so a
 * client needs nothing else) and the ids removed, at most CHANGES_LIMIT at a time. With nothing
 * new the answer is a few bytes, and its ETag turns the next refresh into a 304.
 */
export function changesRouter(store: CatalogStore): Router {
  const router = Router();
  router
    .route('/')
    .get(async (req, res) => {
      const { since } = parseQuery(changesQuerySchema, req.query);
      sendJson(req, res, await changesSince(store, since));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}

async function changesSince(store: CatalogStore, since: number | typeof CHANGES_SINCE_LATEST): Promise<CatalogChanges> {
  // A client with no copy yet pages the library and follows changes from now on.
  if (since === CHANGES_SINCE_LATEST) return { type: 'resync', version: await store.version() };
  const log = await store.changesSince(since, CHANGES_LIMIT + 1);
  // Older than the log, or a version this database never had (a copy made from another one).
  if (since < log.floor || since > log.version) return { type: 'resync', version: log.version };
  const more = log.changes.length > CHANGES_LIMIT;
  const changes = log.changes.slice(0, CHANGES_LIMIT);
  const upserts: Release[] = [];
  const removed: string[] = [];
  const added: string[] = [];
  for (const change of changes) {
    if (!change.release) removed.push(change.id);
    else {
      upserts.push(change.release);
      if (change.addedVersion !== undefined && change.addedVersion > since) added.push(change.id);
    }
  }
  const version = more ? (changes.at(-1)?.version ?? since) : log.version;
  return { type: 'changes', since, version, upserts, added, removed, more };
}
