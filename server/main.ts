import { ConfigError } from './config/config-error.js';
import { loadConfig } from './config/load-config.js';
import { listen } from './http/listen.js';
import { createLogger } from './logger.js';
import { prepareServer } from './start-server.js';

const PRUNE_EVERY_MS = 3600_000;

const logger = createLogger();

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { app, repository, secrets, workAlerts } = await prepareServer(config, logger, { serveClient: true });
  if (secrets.generatedAdminToken) {
    // Where it is, never what it is: stdout ends up in log collectors, the file is mode 0600.
    logger.info('admin token generated', { file: `${config.dataDir}/admin-token` });
  }
  const prune = async () => {
    const pruned = await repository.prune();
    if (pruned.actions + pruned.devices + pruned.deliveries > 0) logger.info('pruned', { ...pruned });
  };
  await prune();
  const pruning = setInterval(() => {
    prune().catch((error: unknown) => logger.warn('pruning failed', { error: String(error) }));
  }, PRUNE_EVERY_MS).unref();
  // A server works the alert queue too, unless WORK_ALERTS=0 leaves it to `npm run worker` processes:
  // at scale, the processes that answer the app then never wait behind a fan-out's encryption.
  if (config.workAlerts) await workAlerts();
  else logger.info('alerts left to `npm run worker` processes (WORK_ALERTS=0)');
  const server = await listen(app, config);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info('listening', { url: `http://localhost:${port}`, mediaDir: config.mediaDir, dataDir: config.dataDir });

  const shutdown = (signal: string) => {
    logger.info('stopping', { signal });
    clearInterval(pruning);
    server.close(() => {
      void repository.close().finally(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', shutdown).once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`stowaway: ${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`stowaway: the port is already in use (set PORT to another one)\n`);
  } else {
    process.stderr.write(`stowaway: could not start: ${(error as Error).message ?? String(error)}\n`);
  }
  process.exit(1);
});
