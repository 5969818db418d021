import { setPriority } from 'node:os';
import { ConfigError } from './config/config-error.js';
import { loadConfig } from './config/load-config.js';
import { createLogger } from './logger.js';
import { openServerData } from './start-server.js';

/**
 * `npm run worker`: a process that only works the alert queue (no HTTP), beside any number of
 * servers and workers on the same DATABASE_URL (or the same DATA_DIR with SQLite). It reads the
 * same configuration as the server, VAPID keys included: give every process the same DATA_DIR
 * secrets. SIGTERM lets the jobs in hand finish; a process killed outright loses nothing, its
 * jobs run again elsewhere once their lease runs out.
 */
const logger = createLogger();

/**
 * A worker runs at a lower CPU priority (nice 10): sending alerts is background work, and on a
 * machine that also runs the servers, a person's request must not wait behind a fan-out's
 * encryption. Alone on a machine it still gets every idle cycle. (Lowering needs no privilege.)
 */
const WORKER_NICENESS = 10;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { repository, workAlerts } = await openServerData(config, logger);
  try {
    setPriority(WORKER_NICENESS);
  } catch (error) {
    logger.warn('could not lower the CPU priority', { error: String(error) });
  }
  await workAlerts();
  logger.info('working the alert queue', { database: config.databaseUrl ? 'postgresql' : 'sqlite', nice: WORKER_NICENESS });
  // The queue's own timers do not hold a process open (a server's socket does): this one does.
  const alive = setInterval(() => undefined, 3600_000);
  const shutdown = (signal: string) => {
    logger.info('stopping', { signal });
    clearInterval(alive);
    void repository.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown).once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `could not start: ${(error as Error).message ?? String(error)}`;
  process.stderr.write(`stowaway worker: ${message}\n`);
  process.exit(1);
});
