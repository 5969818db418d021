import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { silentLogger, type Logger } from '../logger.js';
import { prepareServer } from '../start-server.js';
import { makeTestMedia, type TestMedia } from './test-media.js';
import { testDatabaseEnv } from './test-repository.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
/** Real-looking: the server sends no alert with a placeholder subject (push/vapid-subject.ts). */
export const VAPID_SUBJECT = 'mailto:ops@stowaway.app';

/**
 * The real app wiring (config, database, secrets, catalog) on temporary folders, without a port;
 * on a fresh PostgreSQL database in the `postgresql` test project (test-repository.ts).
 */
export async function startTestServer(
  options: {
    media?: TestMedia;
    dataDir?: string;
    env?: Readonly<Record<string, string>>;
    logger?: Logger;
    serveClient?: boolean;
  } = {},
) {
  const media = options.media ?? makeTestMedia();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'stowaway-data-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    MEDIA_DIR: media.mediaDir,
    ADMIN_TOKEN,
    VAPID_SUBJECT,
    PUSH_ALLOW_LOOPBACK: '1',
    CLIENT_DIR: path.join(media.root, 'no-client'),
    ...(await testDatabaseEnv()),
    ...options.env,
  });
  const server = await prepareServer(config, options.logger ?? silentLogger, { serveClient: options.serveClient ?? false });
  await server.workAlerts();
  return { ...server, media, dataDir };
}
