import { createHash, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Whether a secret given by a client equals the one expected (a SHA-256 digest of it, or the secret
 * itself). Both sides are compared as digests, so the time taken says nothing about the length or
 * the first differing character of either.
 */
export function sameSecret(given: string, expected: string | Buffer): boolean {
  const expectedHash = typeof expected === 'string' ? sha256(expected) : expected;
  return expectedHash.length === 32 && timingSafeEqual(sha256(given), expectedHash);
}
