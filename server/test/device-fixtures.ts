import { randomBytes, randomUUID } from 'node:crypto';
import { DEVICE_KEY_BYTES, DEVICE_KEY_HEADER } from '#common/device-key';
import type { OfflineAction, OfflineActionType } from '#common/offline-actions';

/** A device as the app makes one: a random id and a random key, and the header that carries the key. */
export function newDevice() {
  const id = randomUUID();
  const key = randomBytes(DEVICE_KEY_BYTES).toString('base64url');
  return { id, key, headers: { [DEVICE_KEY_HEADER]: key } };
}

/** One offline action of `device`, as the outbox sends it. */
export const deviceAction = (
  deviceId: string,
  type: OfflineActionType = 'play',
  subject = '/media/x.webm',
  at = new Date().toISOString(),
): OfflineAction => ({ id: randomUUID(), deviceId, type, subject, at });
