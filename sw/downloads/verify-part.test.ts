import { describe, expect, it } from 'vitest';
import type { Part } from '#common/catalog';
import { verifyPart } from './verify-part.js';

const hex = async (bytes: Uint8Array<ArrayBuffer>) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

const partFor = async (bytes: Uint8Array<ArrayBuffer>): Promise<Part> => ({
  url: '/media/a/track.webm',
  type: 'audio/webm',
  bytes: bytes.length,
  sha256: await hex(bytes),
  role: 'track',
  title: 'T',
  duration: 1,
});

describe('verifyPart', () => {
  it.each([1000, 130 * 1024 * 1024])('accepts the right bytes (%i bytes: one-shot and streamed)', async (size) => {
    const bytes = new Uint8Array(size).map((_, i) => (i * 31) % 251);
    expect(await verifyPart(new Blob([bytes]), await partFor(bytes))).toBeUndefined();
  });

  it.each([1000, 130 * 1024 * 1024])('names a damaged part of %i bytes', async (size) => {
    const bytes = new Uint8Array(size).map((_, i) => (i * 31) % 251);
    const part = await partFor(bytes);
    bytes[size - 1] = (bytes[size - 1] ?? 0) ^ 1;
    expect(await verifyPart(new Blob([bytes]), part)).toBe('track.webm is damaged (its checksum does not match)');
  });

  it('names a part cut short', async () => {
    const bytes = new Uint8Array(100);
    expect(await verifyPart(new Blob([bytes.subarray(0, 60)]), await partFor(bytes))).toBe(
      'track.webm arrived with 60 bytes instead of 100',
    );
  });
});
