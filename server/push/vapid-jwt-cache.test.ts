import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { createVapidJwtCache } from './vapid-jwt-cache.js';

const vapid = webpush.generateVAPIDKeys();
const claims = (authorization: string) =>
  JSON.parse(Buffer.from((/t=([^,]+)/.exec(authorization)?.[1] ?? '').split('.')[1] ?? '', 'base64url').toString()) as {
    aud: string;
    exp: number;
    sub: string;
  };

describe('VAPID JWT cache', () => {
  it('signs once per push-service origin and reuses the JWT', () => {
    let clock = 1_000_000;
    const cache = createVapidJwtCache(vapid, 'mailto:ops@example.com', () => clock);
    const first = cache.authorizationFor('https://fcm.googleapis.com');
    clock += 60;
    expect(cache.authorizationFor('https://fcm.googleapis.com')).toBe(first);
    const other = cache.authorizationFor('https://updates.push.services.mozilla.com');
    expect(other).not.toBe(first);
    expect(claims(first)).toMatchObject({
      aud: 'https://fcm.googleapis.com',
      sub: 'mailto:ops@example.com',
      exp: 1_000_000 + 12 * 3600,
    });
    expect(claims(other).aud).toBe('https://updates.push.services.mozilla.com');
  });

  it('signs a new JWT when the cached one is within an hour of expiring', () => {
    let clock = 2_000_000;
    const cache = createVapidJwtCache(vapid, 'mailto:ops@example.com', () => clock);
    const first = cache.authorizationFor('https://fcm.googleapis.com');
    clock += 11 * 3600 - 1;
    expect(cache.authorizationFor('https://fcm.googleapis.com')).toBe(first);
    clock += 2;
    const renewed = cache.authorizationFor('https://fcm.googleapis.com');
    expect(renewed).not.toBe(first);
    expect(claims(renewed).exp).toBe(clock + 12 * 3600);
  });
});
