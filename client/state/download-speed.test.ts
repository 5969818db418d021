import { describe, expect, it } from 'vitest';
import { newDownloadRecord } from '#common/download-ledger';
import { sampleAlbum } from '#common/sample-album.fixture';
import { downloadSpeed, noteProgress } from './download-speed.js';

const at = (bytesReceived: number, state: 'downloading' | 'paused' = 'downloading') => ({
  ...newDownloadRecord(sampleAlbum(), 'fallback', 0),
  state,
  bytesReceived,
});

describe('download speed', () => {
  it('is unknown at first, then bytes a second over the last seconds', () => {
    noteProgress(at(0), 0);
    expect(downloadSpeed('new-album', 0)).toBeUndefined();
    noteProgress(at(1_000_000), 1000);
    noteProgress(at(2_000_000), 2000);
    expect(downloadSpeed('new-album', 2000)).toBe(1_000_000);
    // Only the window counts: a faster stretch later shows.
    for (let t = 3000; t <= 12_000; t += 1000) noteProgress(at(2_000_000 + (t - 2000) * 3000), t);
    expect(downloadSpeed('new-album', 12_000)).toBeCloseTo(3_000_000, -3);
  });

  it('is unknown after a single step of progress, however long it took', () => {
    noteProgress(at(0), 0);
    noteProgress(at(2_000), 2010);
    expect(downloadSpeed('new-album', 2010)).toBeUndefined();
    noteProgress(at(2_000), 2500);
    expect(downloadSpeed('new-album', 2500)).toBeUndefined();
    noteProgress(at(600_000), 3000);
    expect(downloadSpeed('new-album', 3000)).toBeCloseTo(200_000, -2);
  });

  it('forgets a download that stopped, and one that went quiet', () => {
    noteProgress(at(0), 0);
    noteProgress(at(500_000), 2000);
    expect(downloadSpeed('new-album', 20_000)).toBeUndefined();
    noteProgress(at(500_000, 'paused'), 2500);
    expect(downloadSpeed('new-album', 2500)).toBeUndefined();
  });
});
