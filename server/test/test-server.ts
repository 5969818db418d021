import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { silentLogger } from '../logger.js';
import { prepareServer } from '../start-server.js';
import { makeTestMedia, type TestMedia } from './test-media.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** The real app wiring (config, database, secrets, catalog) on temporary folders, without a port. */
export async function startTestServer(
  options: { media?: TestMedia; dataDir?: string; env?: Readonly<Record<string, string>> } = {},
) {
  const media = options.media ?? makeTestMedia();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'stowaway-data-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    MEDIA_DIR: media.mediaDir,
    ADMIN_TOKEN,
    PUSH_ALLOW_LOOPBACK: '1',
    CLIENT_DIR: path.join(media.root, 'no-client'),
    ...options.env,
  });
  const server = await prepareServer(config, silentLogger, { serveClient: false });
  return { ...server, media, dataDir };
}
