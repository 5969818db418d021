import { createECDH, randomBytes } from 'node:crypto';

/** A subscription body as a browser would send it, with real P-256 keys, for the given endpoint. */
export function subscriptionBody(endpoint: string, preferences?: object) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
    ...(preferences ? { preferences } : {}),
  };
}
