import { randomBytes } from 'node:crypto';
import path from 'node:path';
import webpush from 'web-push';
import { ConfigError } from '../config/config-error.js';
import { readOrCreateSecret } from './read-or-create-secret.js';

export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

export interface Secrets {
  readonly vapid: VapidKeys;
  readonly adminToken: string;
  /** Set only on the start that generated the admin token, so main can print it once. */
  readonly generatedAdminToken: boolean;
}

export async function loadSecrets(dataDir: string, adminTokenFromEnv: string | undefined): Promise<Secrets> {
  const vapid = await readOrCreateSecret<VapidKeys>(
    path.join(dataDir, 'vapid.json'),
    () => webpush.generateVAPIDKeys(),
    (text) => {
      const keys = JSON.parse(text) as Partial<VapidKeys>;
      if (typeof keys.publicKey !== 'string' || typeof keys.privateKey !== 'string') {
        throw new ConfigError(`${path.join(dataDir, 'vapid.json')} does not hold publicKey and privateKey`);
      }
      return { publicKey: keys.publicKey, privateKey: keys.privateKey };
    },
  );
  if (adminTokenFromEnv) return { vapid: vapid.value, adminToken: adminTokenFromEnv, generatedAdminToken: false };
  const token = await readOrCreateSecret(
    path.join(dataDir, 'admin-token'),
    () => randomBytes(24).toString('base64url'),
    (text) => text.trim(),
  );
  return { vapid: vapid.value, adminToken: token.value, generatedAdminToken: token.created };
}
