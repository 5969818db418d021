/**
 * The download ledger: one record per release in IndexedDB (idb-keyval), written by the SW and by
 * the fallback downloader, rendered by the UI. A release counts as available offline only in state
 * `done`, which is set after every part is in the media cache and checked.
 */
export const LEDGER_DB = { database: 'stowaway', store: 'downloads' } as const;

export const DOWNLOAD_STATES = ['queued', 'downloading', 'paused', 'verifying', 'done', 'failed'] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];

export type DownloadEngine = 'background-fetch' | 'fallback';

export interface DownloadRecord {
  readonly releaseId: string;
  readonly state: DownloadState;
  readonly engine: DownloadEngine;
  /** Part URLs, in catalog order. */
  readonly parts: readonly string[];
  readonly bytesExpected: number;
  readonly bytesReceived: number;
  /** A sentence the person can read, for `failed` (and why a download was restarted). */
  readonly error?: string;
  readonly startedAt: number;
  readonly updatedAt: number;
}

/** The storage the ledger needs; idb-keyval in the browser, a Map in unit tests. */
export interface LedgerStorage {
  get(key: string): Promise<DownloadRecord | undefined>;
  set(key: string, value: DownloadRecord): Promise<void>;
  del(key: string): Promise<void>;
  values(): Promise<DownloadRecord[]>;
}

/** The Background Fetch id and ledger key of a release's download. */
export const downloadId = (releaseId: string): string => `release:${releaseId}`;
export const releaseIdOf = (id: string): string | undefined => (id.startsWith('release:') ? id.slice(8) : undefined);

export const isActive = (record: DownloadRecord | undefined): boolean =>
  record !== undefined && (record.state === 'queued' || record.state === 'downloading' || record.state === 'verifying');

/** Read-modify-write helpers over a LedgerStorage, keyed by release id. */
export function createLedger(storage: LedgerStorage) {
  return {
    get: (releaseId: string) => storage.get(downloadId(releaseId)),
    all: () => storage.values(),
    put: (record: DownloadRecord) => storage.set(downloadId(record.releaseId), record),
    remove: (releaseId: string) => storage.del(downloadId(releaseId)),
    /** Changes some fields of an existing record; does nothing when there is none (it was cancelled). */
    async patch(releaseId: string, change: Partial<Omit<DownloadRecord, 'releaseId'>>, now = Date.now()) {
      const current = await storage.get(downloadId(releaseId));
      if (!current) return undefined;
      const next: DownloadRecord = { ...current, ...change, updatedAt: now };
      await storage.set(downloadId(releaseId), next);
      return next;
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;

/** The readable reason for each Background Fetch failure. */
export const BACKGROUND_FETCH_FAILURES: Readonly<Record<string, string>> = {
  aborted: 'The download was cancelled.',
  'bad-status': 'The server refused one of the files. Try again later.',
  'fetch-error': 'The connection was lost. Press Retry when you are back online.',
  'quota-exceeded': 'There is not enough storage space on this device. Free some space and retry.',
  'download-total-exceeded': 'The server sent more data than the catalog announced, so the download was stopped.',
  '': 'The download stopped for an unknown reason. Press Retry.',
  /** Not the browser's: the page's stall watchdog (client/downloads/stall-watchdog.ts) gave up on it. */
  stalled: 'The download stopped receiving data. Press Retry to start it again.',
};

/** The record a new download starts with, whoever starts it (the Download button, a push, a refresh). */
export function newDownloadRecord(
  release: { id: string; parts: ReadonlyArray<{ url: string; bytes: number }> },
  engine: DownloadEngine,
  now = Date.now(),
): DownloadRecord {
  return {
    releaseId: release.id,
    state: 'queued',
    engine,
    parts: release.parts.map((p) => p.url),
    bytesExpected: release.parts.reduce((sum, p) => sum + p.bytes, 0),
    bytesReceived: 0,
    startedAt: now,
    updatedAt: now,
  };
}
