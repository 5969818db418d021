import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime } from './format.js';

describe('formatDate', () => {
  it('shows a calendar date in the given locale', () => {
    expect(formatDate('2026-03-14', 'en-GB')).toBe('14 March 2026');
    expect(formatDate('2026-03-14', 'en-US')).toBe('March 14, 2026');
    expect(formatDate('2026-03-14', 'de-DE')).toBe('14. März 2026');
  });

  it('keeps the day whatever the time zone, since a release date is a day', () => {
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 January 2026');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('soon', 'en-GB')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('shows an instant with its time', () => {
    expect(formatDateTime(Date.UTC(2026, 2, 14, 9, 12), 'en-GB')).toMatch(/14 Mar 2026/);
  });
});

describe('formatBytes', () => {
  it('shows whole bytes below a kilobyte, a speed included', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(995.0470529965329)).toBe('995 B');
    expect(formatBytes(999.7)).toBe('1.0 kB');
  });

  it('shows decimal units with three figures at most', () => {
    expect(formatBytes(1_400_000)).toBe('1.4 MB');
    expect(formatBytes(820_000)).toBe('820 kB');
    expect(formatBytes(11_000_000_000)).toBe('11 GB');
  });
});
