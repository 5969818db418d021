import express, { type Express } from 'express';
import { CatalogService } from './catalog/catalog-service.js';
import { servedCatalog } from './catalog/served-catalog.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { firstScreenPreloads } from './http/first-screen-preloads.js';
import { serveClient } from './http/serve-client.js';
import { writeRateLimit } from './http/write-rate-limit.js';
import type { Logger } from './logger.js';
import type { ResolveHost } from './push/endpoint-address.js';
import { actionsRouter } from './routes/actions-router.js';
import { artistsRouter } from './routes/artists-router.js';
import { catalogRouter } from './routes/catalog-router.js';
import { changesRouter } from './routes/changes-router.js';
import { libraryRouter } from './routes/library-router.js';
import { mediaRouter } from './routes/media-router.js';
import { pushRouter } from './routes/push-router.js';
import { releasesRouter } from './routes/releases-router.js';
import type { Repository } from './storage/repository.js';

export interface AppDeps {
  readonly repository: Repository;
  readonly catalog: CatalogService;
  readonly logger: Logger;
  readonly mediaDir: string;
  /** The built app; undefined when Vite serves it (npm run dev). */
  readonly clientDir: string | undefined;
  readonly vapidPublicKey: string;
  readonly adminToken: string;
  readonly pushAllowLoopback: boolean;
  /** The push resolver, shared with the sender: one cache, one timeout. */
  readonly resolveHost: ResolveHost;
  /** Per client address and minute, on the public write routes; 0 = no limit. */
  readonly writeRateLimit: number;
  /** Where clients fetch media (MEDIA_BASE_URL's origin); undefined: from this server. */
  readonly mediaOrigin?: string | undefined;
}

/** Builds the whole HTTP app; it never listens (server/main.ts does), so tests drive it directly. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // every route sets its own validators
  app.set('trust proxy', 'loopback');
  app.use(requestLog(deps.logger));
  app.use(securityHeaders(deps.mediaOrigin));

  const limitWrites = writeRateLimit(deps.writeRateLimit, (windowMs) => deps.repository.rateLimitStore(windowMs));
  app.post('/api/push/subscriptions', limitWrites);
  app.delete('/api/push/subscriptions', limitWrites);
  app.post('/api/actions', limitWrites);

  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  // What clients are sent has its media URLs on the media origin; the media route and publishing
  // below work with the catalog's own paths.
  const served = servedCatalog(deps.catalog.store, deps.mediaOrigin);
  app.use('/api/catalog/changes', changesRouter(served));
  app.use('/api/catalog', catalogRouter(served === deps.catalog.store ? deps.catalog : new CatalogService(served)));
  app.use('/api/library/releases', libraryRouter(served));
  app.use('/api/artists', artistsRouter(served));
  app.use(
    '/api/push',
    pushRouter({
      publicKey: deps.vapidPublicKey,
      subscriptions: deps.repository.subscriptions,
      allowLoopback: deps.pushAllowLoopback,
      resolveHost: deps.resolveHost,
    }),
  );
  app.use(
    '/api/releases',
    releasesRouter({
      adminToken: deps.adminToken,
      catalog: deps.catalog,
      mediaDir: deps.mediaDir,
      deliveries: deps.repository.deliveries,
    }),
  );
  app.use('/api', actionsRouter(deps.repository.actions, deps.repository.devices));
  app.use('/api', notFound);
  app.use('/media', mediaRouter(deps.mediaDir, deps.catalog));
  if (deps.clientDir) app.use(serveClient(deps.clientDir, (pagePath) => firstScreenPreloads(served, pagePath)));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
