import express, { type Express } from 'express';
import type { CatalogService } from './catalog/catalog-service.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
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
}

/** Builds the whole HTTP app; it never listens (server/main.ts does), so tests drive it directly. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // every route sets its own validators
  app.set('trust proxy', 'loopback');
  app.use(requestLog(deps.logger));
  app.use(securityHeaders);

  const limitWrites = writeRateLimit(deps.writeRateLimit, (windowMs) => deps.repository.rateLimitStore(windowMs));
  app.post('/api/push/subscriptions', limitWrites);
  app.delete('/api/push/subscriptions', limitWrites);
  app.post('/api/actions', limitWrites);

  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api/catalog/changes', changesRouter(deps.catalog.store));
  app.use('/api/catalog', catalogRouter(deps.catalog));
  app.use('/api/library/releases', libraryRouter(deps.catalog.store));
  app.use('/api/artists', artistsRouter(deps.catalog.store));
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
  if (deps.clientDir) app.use(serveClient(deps.clientDir));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
