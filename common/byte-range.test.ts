import { describe, expect, it } from 'vitest';
import { MAX_RANGES, answerRange, contentRange } from './byte-range.js';

const SIZE = 1000;

describe('answerRange', () => {
  it.each([
    // [header, expected]
    [undefined, { kind: 'full' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=100-', { kind: 'partial', start: 100, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=999-999', { kind: 'partial', start: 999, end: 999 }],
    // end past the size is clamped (workbox-range-requests gets this wrong)
    ['bytes=900-5000', { kind: 'partial', start: 900, end: 999 }],
    // start at the size is unsatisfiable
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=1000-1001', { kind: 'unsatisfiable' }],
    // a suffix longer than the file means the whole file (range-parser answers 416)
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    // start after end is an invalid range-spec: the header is ignored
    ['bytes=500-100', { kind: 'full' }],
    // malformed or foreign: ignored
    ['bytes=abc', { kind: 'full' }],
    ['bytes=-', { kind: 'full' }],
    ['bytes=1-2-3', { kind: 'full' }],
    ['items=0-5', { kind: 'full' }],
    ['0-5', { kind: 'full' }],
    ['bytes=', { kind: 'full' }],
    ['bytes=0x10-20', { kind: 'full' }],
    // case-insensitive unit and whitespace around ranges
    ['Bytes= 0-9 ', { kind: 'partial', start: 0, end: 9 }],
    // overlapping and adjacent ranges are merged into one
    ['bytes=0-99,50-199', { kind: 'partial', start: 0, end: 199 }],
    ['bytes=0-99,100-199', { kind: 'partial', start: 0, end: 199 }],
    ['bytes=500-600,0-10,5-700', { kind: 'partial', start: 0, end: 700 }],
    // disjoint ranges: one whole 200, never a multipart body
    ['bytes=0-9,500-509', { kind: 'full' }],
    // unsatisfiable ranges among satisfiable ones are dropped
    ['bytes=2000-3000,0-9', { kind: 'partial', start: 0, end: 9 }],
    // enormous numbers
    ['bytes=99999999999999999999999-', { kind: 'unsatisfiable' }],
    ['bytes=0-99999999999999999999999', { kind: 'partial', start: 0, end: 999 }],
  ])('%s → %o', (header, expected) => {
    expect(answerRange(header, SIZE)).toEqual(expected);
  });

  it('refuses more than MAX_RANGES ranges', () => {
    const many = Array.from({ length: MAX_RANGES + 1 }, (_, i) => `${i}-${i}`).join(',');
    expect(answerRange(`bytes=${many}`, SIZE)).toEqual({ kind: 'unsatisfiable' });
    const allowed = Array.from({ length: MAX_RANGES }, (_, i) => `${i}-${i}`).join(',');
    expect(answerRange(`bytes=${allowed}`, SIZE)).toEqual({ kind: 'partial', start: 0, end: MAX_RANGES - 1 });
  });

  it('has nothing to send from an empty file', () => {
    expect(answerRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(answerRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(answerRange(undefined, 0)).toEqual({ kind: 'full' });
  });
});

describe('contentRange', () => {
  it('formats a span and an unsatisfiable answer', () => {
    expect(contentRange(1000, { start: 0, end: 9 })).toBe('bytes 0-9/1000');
    expect(contentRange(1000)).toBe('bytes */1000');
  });
});
