import type { Request } from 'express';
import { DEVICE_KEY_HEADER, DEVICE_KEY_PATTERN } from '#common/device-key';
import { HttpError } from '../http/http-error.js';
import { sameSecret, sha256 } from '../http/same-secret.js';
import type { DeviceStore } from '../storage/repository.js';

/**
 * The device credential on a request. The key is 256 random bits made on the device, so a plain
 * SHA-256 is enough to store it (there is nothing to guess); the id alone proves nothing.
 * Every refusal reads the same, whether the device is unknown, the key missing or wrong.
 */
export function deviceAccess(devices: DeviceStore) {
  const refused = () =>
    new HttpError(403, 'forbidden', `this device's data needs its key in ${DEVICE_KEY_HEADER}, the one it first wrote with`);
  const keyOf = (req: Request): string => {
    const key = req.get(DEVICE_KEY_HEADER) ?? '';
    if (!DEVICE_KEY_PATTERN.test(key)) throw refused();
    return key;
  };
  return {
    /** For writes: the first write from a device id registers the key it carries (trust on first use). */
    async claim(req: Request, deviceId: string): Promise<void> {
      const key = keyOf(req);
      if (!sameSecret(key, await devices.claim(deviceId, sha256(key)))) throw refused();
    },
    /** For reads: only a device already registered, with its own key. */
    async check(req: Request, deviceId: string): Promise<void> {
      const key = keyOf(req);
      const known = await devices.keyHash(deviceId);
      if (!known || !sameSecret(key, known)) throw refused();
    },
  };
}
