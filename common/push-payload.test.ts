import { describe, expect, it } from 'vitest';
import { PUSH_PAYLOAD_MAX_BYTES, encodePushPayload, type PushPayload } from './push-payload.js';

const payload = (body: string): PushPayload => ({ type: 'new-release', releaseId: 'x', title: 'T', body });

describe('encodePushPayload', () => {
  it('accepts a payload at the limit and refuses one byte more, counting UTF-8 bytes', () => {
    const overhead = JSON.stringify(payload('')).length;
    const atLimit = payload('a'.repeat(PUSH_PAYLOAD_MAX_BYTES - overhead));
    // common/ compiles without TextEncoder: ASCII text has one byte per character.
    expect(encodePushPayload(atLimit).length).toBe(PUSH_PAYLOAD_MAX_BYTES);
    expect(() => encodePushPayload(payload('a'.repeat(PUSH_PAYLOAD_MAX_BYTES - overhead + 1)))).toThrow(RangeError);
    // "é" is two bytes: the same character count is over the limit.
    expect(() => encodePushPayload(payload('é'.repeat(PUSH_PAYLOAD_MAX_BYTES - overhead)))).toThrow(/bytes; the limit is 3993/);
  });
});
