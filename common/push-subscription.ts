import { z } from 'zod';
import { RELEASE_KINDS } from './catalog.js';

/**
 * What the page sends to `POST /api/push/subscriptions`: the browser's `PushSubscription.toJSON()`
 * plus optional preferences. The endpoint's host is checked against the push-service allowlist by
 * the server; here only its shape. A known endpoint changes only when `keys.auth` matches the one
 * stored: knowing an endpoint is not enough to replace its keys or preferences.
 */
export const pushPreferencesSchema = z.strictObject({
  kinds: z.array(z.enum(RELEASE_KINDS)).min(1).max(RELEASE_KINDS.length).optional(),
  artists: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
});

const base64url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url');
/** The subscription's auth secret: also the proof, asked to change or delete a subscription. */
const authSecret = base64url.min(16).max(32);

export const pushSubscriptionSchema = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: base64url.min(80).max(100),
    auth: authSecret,
  }),
  preferences: pushPreferencesSchema.optional(),
});

/** `DELETE /api/push/subscriptions`: the endpoint, and its `keys.auth` as proof of holding it. */
export const pushUnsubscribeSchema = z.strictObject({
  endpoint: z.string().max(2048),
  auth: authSecret,
});

export type PushPreferences = z.infer<typeof pushPreferencesSchema>;
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;
