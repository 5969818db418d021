import { Router } from 'express';
import { apiError } from '#common/api-error';
import type { CatalogService } from '../catalog/catalog-service.js';
import { mediaTypeFor } from '../media/media-types.js';
import { openMediaFile } from '../media/open-media-file.js';
import { resolveMediaFile } from '../media/resolve-media-file.js';
import { sendMediaFile } from '../media/send-media-file.js';

/** GET/HEAD /media/<path>: files under MEDIA_DIR with Range; never a listing, never outside the root. */
export function mediaRouter(mediaDir: string, catalog: CatalogService): Router {
  const router = Router();
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
