import { describe, expect, it } from 'vitest';
import type { Release } from '#common/catalog';
import type { DownloadRecord } from '#common/download-ledger';
import { sampleAlbum } from '#common/sample-album.fixture';
import { storedBytes } from './stored-bytes.js';

const track = sampleAlbum().parts.find((p) => p.role === 'track') as Release['parts'][number];

const record = (releaseId: string, state: DownloadRecord['state'], urls: readonly string[]): DownloadRecord =>
  ({
    releaseId,
    state,
    release: sampleAlbum({ id: releaseId, parts: urls.map((url, i) => ({ ...track, url, bytes: 1000 * (i + 1) })) }),
  }) as unknown as DownloadRecord;

describe('storedBytes', () => {
  it('adds the files of finished downloads only', () => {
    expect(storedBytes([record('a', 'done', ['/media/a/1', '/media/a/2']), record('b', 'downloading', ['/media/b/1'])])).toBe(
      3000,
    );
  });

  it('counts a file two releases share once', () => {
    expect(storedBytes([record('a', 'done', ['/media/x', '/media/a']), record('b', 'done', ['/media/x'])])).toBe(3000);
  });

  it('is 0 with nothing stored', () => {
    expect(storedBytes([])).toBe(0);
  });
});
