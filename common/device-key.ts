/**
 * The device credential: a random secret made on the device (never in a URL, never logged), sent
 * with every request that reads or writes the device's data. The server keeps only its SHA-256, and
 * the first accepted action from a device id registers the key it came with (trust on first use).
 */
export const DEVICE_KEY_HEADER = 'X-Stowaway-Device-Key';

/** 32 random bytes, base64url without padding: 43 characters. */
export const DEVICE_KEY_BYTES = 32;
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
