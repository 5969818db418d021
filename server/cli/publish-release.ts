import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { API } from '#common/routes';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';

/**
 * `npm run release -- path/to/release.json`: publishes a release on the running server (its files
 * must already be in MEDIA_DIR) and prints the delivery summary. The server is PUBLIC_URL, else
 * http://localhost:PORT; the token is ADMIN_TOKEN, else the one kept in DATA_DIR/admin-token.
 */
async function main(file: string | undefined): Promise<void> {
  if (!file) throw new ConfigError('usage: npm run release -- path/to/release.json');
  const config = loadConfig(process.env);
  const token = config.adminToken ?? (await readFile(path.join(config.dataDir, 'admin-token'), 'utf8').catch(() => '')).trim();
  if (!token)
    throw new ConfigError(`no admin token: set ADMIN_TOKEN or start the server once to create ${config.dataDir}/admin-token`);
  const body = await readFile(path.resolve(file), 'utf8').catch(() => {
    throw new ConfigError(`cannot read ${file}`);
  });
  const origin = config.publicUrl ?? `http://localhost:${config.port}`;
  const response = await fetch(`${origin}${API.releases}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  }).catch((error: Error) => {
    throw new ConfigError(`cannot reach the server at ${origin}: ${error.message}`);
  });
  const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string }; delivery?: unknown };
  if (response.status !== 201)
    throw new ConfigError(`refused (${response.status}): ${answer.error?.message ?? 'no reason given'}`);
  process.stdout.write(`published; alerts: ${JSON.stringify(answer.delivery)}\n`);
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`release: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
