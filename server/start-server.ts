import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CatalogService } from './catalog/catalog-service.js';
import { loadBaseCatalog } from './catalog/load-base-catalog.js';
import type { Config } from './config/load-config.js';
import { createApp } from './create-app.js';
import type { Logger } from './logger.js';
import { createPushSender } from './push/push-sender.js';
import { loadSecrets, type Secrets } from './secrets/load-secrets.js';
import { openSqliteRepository } from './storage/sqlite-repository.js';

/**
 * Everything main does before listening: data folder, database (migrated), secrets, catalog and
 * the app. Shared by main.ts and the dev server so both run the same wiring.
 */
export async function prepareServer(config: Config, logger: Logger, options: { serveClient: boolean }) {
  await mkdir(config.dataDir, { recursive: true });
  const secrets: Secrets = await loadSecrets(config.dataDir, config.adminToken);
  const base = await loadBaseCatalog(path.join(config.mediaDir, 'catalog.json'));
  const repository = openSqliteRepository(path.join(config.dataDir, 'stowaway.db'));
  const catalog = new CatalogService(base, repository.releases);
  const pushSender = createPushSender({
    subscriptions: repository.subscriptions,
    vapid: secrets.vapid,
    subject: config.vapidSubject,
    allowLoopback: config.pushAllowLoopback,
    timeoutMs: config.pushTimeoutMs,
    logger,
  });
  const app = createApp({
    repository,
    catalog,
    pushSender,
    logger,
    mediaDir: config.mediaDir,
    clientDir: options.serveClient ? config.clientDir : undefined,
    vapidPublicKey: secrets.vapid.publicKey,
    adminToken: secrets.adminToken,
    pushAllowLoopback: config.pushAllowLoopback,
    writeRateLimit: config.writeRateLimit,
  });
  return { app, repository, secrets };
}
