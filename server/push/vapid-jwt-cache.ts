import webpush from 'web-push';
import type { VapidKeys } from '../secrets/load-secrets.js';

/** How long a signed VAPID JWT is valid (push services accept up to 24 h). */
const LIFETIME_S = 12 * 3600;
/** A cached JWT is replaced this long before it expires, so none is sent stale. */
const RENEW_BEFORE_S = 3600;

/**
 * web-push signs a fresh ES256 JWT for every message (about 0.75 ms here). The JWT depends only on
 * the push service's origin, so it is signed once per origin and reused until near its expiry.
 */
export function createVapidJwtCache(vapid: VapidKeys, subject: string, now: () => number = () => Date.now() / 1000) {
  const cache = new Map<string, { authorization: string; expires: number }>();
  return {
    authorizationFor(audience: string): string {
      const hit = cache.get(audience);
      if (hit && hit.expires - RENEW_BEFORE_S > now()) return hit.authorization;
      const expires = Math.floor(now()) + LIFETIME_S;
      const headers = webpush.getVapidHeaders(audience, subject, vapid.publicKey, vapid.privateKey, 'aes128gcm', expires);
      cache.set(audience, { authorization: headers.Authorization, expires });
      return headers.Authorization;
    },
  };
}
