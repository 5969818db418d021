import { describe, expect, it } from 'vitest';
import { createLedger, downloadId, isActive, releaseIdOf, type DownloadRecord, type LedgerStorage } from './download-ledger.js';

function memoryStorage(): LedgerStorage {
  const map = new Map<string, DownloadRecord>();
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, value),
    del: async (key) => void map.delete(key),
    values: async () => [...map.values()],
  };
}

const record: DownloadRecord = {
  releaseId: 'harbour-lights',
  state: 'queued',
  engine: 'fallback',
  parts: ['/media/a.webm'],
  bytesExpected: 100,
  bytesReceived: 0,
  startedAt: 1,
  updatedAt: 1,
};

describe('download ledger', () => {
  it('keys records by release and patches only existing ones', async () => {
    const ledger = createLedger(memoryStorage());
    expect(await ledger.patch('harbour-lights', { state: 'downloading' })).toBeUndefined();
    await ledger.put(record);
    const patched = await ledger.patch('harbour-lights', { state: 'downloading', bytesReceived: 40 }, 5);
    expect(patched).toEqual({ ...record, state: 'downloading', bytesReceived: 40, updatedAt: 5 });
    expect(await ledger.all()).toHaveLength(1);
    await ledger.remove('harbour-lights');
    expect(await ledger.get('harbour-lights')).toBeUndefined();
  });

  it('maps release ids to Background Fetch ids and back', () => {
    expect(downloadId('x-1')).toBe('release:x-1');
    expect(releaseIdOf('release:x-1')).toBe('x-1');
    expect(releaseIdOf('something-else')).toBeUndefined();
  });

  it('calls queued, downloading and verifying active; done, failed and paused not', () => {
    expect(['queued', 'downloading', 'verifying'].map((state) => isActive({ ...record, state } as DownloadRecord))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['done', 'failed', 'paused'].map((state) => isActive({ ...record, state } as DownloadRecord))).toEqual([
      false,
      false,
      false,
    ]);
    expect(isActive(undefined)).toBe(false);
  });
});
