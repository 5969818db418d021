import { Router, type RequestHandler } from 'express';
import { apiError } from '#common/api-error';
import type { CatalogService } from '../catalog/catalog-service.js';
import { mediaTypeFor } from '../media/media-types.js';
import { openMediaFile } from '../media/open-media-file.js';
import { resolveMediaFile } from '../media/resolve-media-file.js';
import { sendMediaFile } from '../media/send-media-file.js';

/** GET/HEAD /media/<path>: files under MEDIA_DIR with Range; never a listing, never outside the root. */
export function mediaRouter(mediaDir: string, catalog: CatalogService): Router {
  const router = Router();
  router.use(mediaCors);
  router.use(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      res.status(405).json(apiError('method_not_allowed', 'media is read-only: use GET or HEAD'));
      return;
    }
    // req.path is still percent-encoded here: resolveMediaFile decodes it exactly once.
    const file = await resolveMediaFile(mediaDir, req.path);
    const opened = file.ok ? await openMediaFile(file.path) : undefined;
    if (!file.ok || !opened) {
      const status = file.ok ? 404 : file.status;
      res.status(status).json(apiError(status === 400 ? 'bad_request' : 'not_found', 'no such media file'));
      return;
    }
    const url = `/media${req.path}`;
    const type = (await catalog.fileType(url)) ?? mediaTypeFor(file.path);
    await sendMediaFile(req, res, { ...opened, type, immutable: await catalog.isImmutable(url) });
  });
  return router;
}

/**
 * Media is public and sent without credentials, so any origin may read it: the app's pages when the
 * media is on another origin (MEDIA_BASE_URL, a CDN that forwards these headers), with `*` so a
 * CDN keeps one copy for every origin. Errors carry them too: a download must read a 404 as "gone",
 * not as a network failure to retry. A preflight (If-Range is not a simple header) is answered here.
 */
const mediaCors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'Accept-Ranges, Content-Length, Content-Range, ETag, Last-Modified');
  // The app-wide same-origin policy would stop <img> and <audio> on the app's origin loading these.
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD');
  res.setHeader('Access-Control-Allow-Headers', 'Range, If-Range, If-None-Match, If-Modified-Since');
  res.setHeader('Access-Control-Max-Age', '86400');
  res.status(204).end();
};
