import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CatalogService } from './catalog/catalog-service.js';
import { importBaseCatalog } from './catalog/import-base-catalog.js';
import type { Config } from './config/load-config.js';
import { createApp } from './create-app.js';
import { alertHandlers } from './delivery/alert-handlers.js';
import type { Logger } from './logger.js';
import { createPushResolver } from './push/push-resolver.js';
import { createPushSender } from './push/push-sender.js';
import { isPlaceholderVapidSubject } from './push/vapid-subject.js';
import { loadSecrets, type Secrets } from './secrets/load-secrets.js';
import { openPostgresRepository } from './storage/postgres-repository.js';
import { openSqliteRepository } from './storage/sqlite-repository.js';

/**
 * What the server and the queue worker both need: the data folder, the database (migrated), the
 * secrets, and the alert sender with the queue's job handlers.
 */
export async function openServerData(config: Config, logger: Logger) {
  await prepareDataDir(config.dataDir, logger);
  const secrets: Secrets = await loadSecrets(config.dataDir, config.adminToken);
  const repository = config.databaseUrl
    ? await openPostgresRepository(config.databaseUrl, { logger })
    : openSqliteRepository(path.join(config.dataDir, 'stowaway.db'), { logger });
  if (isPlaceholderVapidSubject(config.vapidSubject)) {
    logger.warn(
      `push alerts are off: VAPID_SUBJECT (${config.vapidSubject}) is a placeholder that push services refuse; set it to your own mailto: address or https:// URL`,
    );
  }
  const resolveHost = createPushResolver({ timeoutMs: PUSH_DNS_TIMEOUT_MS });
  const pushSender = createPushSender({
    subscriptions: repository.subscriptions,
    vapid: secrets.vapid,
    subject: config.vapidSubject,
    allowLoopback: config.pushAllowLoopback,
    timeoutMs: config.pushTimeoutMs,
    resolveHost,
    logger,
  });
  /** Works the alert queue in this process until the repository is closed. */
  const workAlerts = () => repository.queue.work(alertHandlers(repository, pushSender, logger));
  return { repository, secrets, resolveHost, workAlerts };
}

/**
 * Everything main does before listening: the data (openServerData), the catalog and the app.
 * Shared by main.ts and the dev server so both run the same wiring.
 */
export async function prepareServer(config: Config, logger: Logger, options: { serveClient: boolean }) {
  const { repository, secrets, resolveHost, workAlerts } = await openServerData(config, logger);
  const importStarted = performance.now();
  const imported = await importBaseCatalog(path.join(config.mediaDir, 'catalog.json'), repository.catalog).catch(
    async (error: unknown) => {
      await repository.close();
      throw error;
    },
  );
  const ms = Math.round(performance.now() - importStarted);
  if (imported.unchanged) logger.info('base catalog unchanged', { releases: imported.releases, ms });
  else logger.info('base catalog imported', { ...imported, ms });
  const catalog = new CatalogService(repository.catalog);
  const app = createApp({
    repository,
    catalog,
    logger,
    mediaDir: config.mediaDir,
    clientDir: options.serveClient ? config.clientDir : undefined,
    vapidPublicKey: secrets.vapid.publicKey,
    adminToken: secrets.adminToken,
    pushAllowLoopback: config.pushAllowLoopback,
    resolveHost,
    writeRateLimit: config.writeRateLimit,
    mediaOrigin: config.mediaOrigin,
  });
  return { app, repository, secrets, workAlerts };
}

/** A push host's DNS answer at subscribe and send time, apart from the push request's own timeout. */
const PUSH_DNS_TIMEOUT_MS = 2000;

/**
 * DATA_DIR holds the database, the VAPID private key and the admin token, and nothing else: it is
 * made 0700, and one left readable by others (an older version made it 0755) is tightened.
 */
async function prepareDataDir(dataDir: string, logger: Logger): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const { mode } = await stat(dataDir);
  if ((mode & 0o077) === 0) return;
  await chmod(dataDir, 0o700);
  logger.info('DATA_DIR made private', { dataDir, was: (mode & 0o777).toString(8), now: '700' });
}
