import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeliveryStatus } from '#common/delivery-status';
import { API } from '#common/routes';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';

/**
 * `npm run release -- path/to/release.json`: publishes a release on the running server (its files
 * must already be in MEDIA_DIR), then follows its alert until every subscriber's job is finished
 * and prints the delivery status (common/delivery-status.ts); Ctrl-C stops following, not the alert. The server is PUBLIC_URL, else
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
  const answer = (await response.json().catch(() => ({}))) as {
    error?: { message?: string };
    release?: { id: string };
    delivery?: DeliveryStatus;
  };
  if (response.status !== 201 || !answer.release)
    throw new ConfigError(`refused (${response.status}): ${answer.error?.message ?? 'no reason given'}`);
  process.stdout.write(`published ${answer.release.id}; alert queued\n`);
  let delivery = answer.delivery;
  let shown = '';
  while (delivery?.state !== 'done') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const res = await fetch(`${origin}${API.releaseDelivery(answer.release.id)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new ConfigError(`cannot follow the alert (${res.status})`);
    delivery = (await res.json()) as DeliveryStatus;
    const line = progress(delivery);
    if (line !== shown) process.stdout.write(`${(shown = line)}\n`);
  }
  process.stdout.write(`alerts: ${JSON.stringify(delivery)}\n`);
  if (delivery.deadLettered > 0) {
    process.stdout.write(`dead letters: GET ${origin}${API.releaseDeadLetters(answer.release.id)} (admin) lists them\n`);
  }
}

const POLL_MS = 500;

const progress = (d: DeliveryStatus) =>
  `${d.state}: ${d.matched} matched, ${d.sent} sent, ${d.failed} failed, ${d.removed} removed, ${d.pending} pending` +
  (d.deadLettered ? `, ${d.deadLettered} dead-lettered` : '') +
  (d.resent ? `, ${d.resent} resent` : '');

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`release: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
