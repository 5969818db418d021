import {
  canTransition,
  downloadId,
  isDownloadRecord,
  isRunning,
  type DownloadEngine,
  type DownloadHold,
  type DownloadRecord,
  type DownloadState,
} from './download-ledger.js';
import { releaseBytes } from './release-facts.js';

/**
 * The storage the ledger needs: IndexedDB in the browser (browser/ledger/ledger.ts), a Map in unit
 * tests. Each update is ONE atomic read-modify-write (one IndexedDB transaction), and `change` is
 * synchronous, so two writers (the SW and a page, or two pages) can never interleave: a late
 * progress event cannot overwrite `verifying` or `done`, and a cancelled record stays gone.
 */
export interface LedgerStorage {
  get(key: string): Promise<unknown>;
  values(): Promise<unknown[]>;
  /** `change` returns the next value, `null` to delete the key, or `undefined` to write nothing. */
  update(key: string, change: (current: unknown) => DownloadRecord | null | undefined): Promise<void>;
  /** `change` sees every record and returns the ones to write. */
  updateAll(change: (records: DownloadRecord[]) => DownloadRecord[]): Promise<void>;
}

export type RecordChange = Partial<Pick<DownloadRecord, 'bytesReceived' | 'waitingFor' | 'autoRetries' | 'error' | 'replacing'>>;

/**
 * Every way the ledger changes. Each returns what it wrote (undefined when it refused), and
 * `announce` tells every open page and the SW which release changed.
 */
export function createLedger(storage: LedgerStorage, announce: (releaseId: string) => void, clock = () => Date.now()) {
  async function write(
    releaseId: string,
    change: (current: DownloadRecord | undefined) => DownloadRecord | null | undefined,
  ): Promise<DownloadRecord | null | undefined> {
    let result: DownloadRecord | null | undefined;
    await storage.update(downloadId(releaseId), (raw) => {
      result = change(isDownloadRecord(raw) ? raw : undefined);
      return result;
    });
    if (result !== undefined) announce(releaseId);
    return result;
  }

  const ledger = {
    async get(releaseId: string): Promise<DownloadRecord | undefined> {
      const raw = await storage.get(downloadId(releaseId));
      return isDownloadRecord(raw) ? raw : undefined;
    },

    async all(): Promise<DownloadRecord[]> {
      return (await storage.values()).filter(isDownloadRecord);
    },

    /**
     * Records a new download, queued. A release already queued, downloading, paused, checking or
     * done keeps its record (and false is returned); a failed one is replaced (Retry with a fresh
     * manifest).
     */
    async request(record: DownloadRecord): Promise<boolean> {
      const written = await write(record.releaseId, (current) =>
        current && current.state !== 'failed' ? undefined : { ...record, updatedAt: clock() },
      );
      return written !== undefined;
    },

    /**
     * Change quality: a finished download is replaced by `record` (queued, another quality), which
     * keeps the finished copy as `replacing`. Refused (false) unless the release is done.
     */
    async replace(record: DownloadRecord): Promise<boolean> {
      const written = await write(record.releaseId, (current) =>
        current?.state === 'done' ? { ...record, replacing: current.release, updatedAt: clock() } : undefined,
      );
      return written !== undefined;
    },

    /** A quality change given up (Cancel): the record is the finished copy it replaced again. */
    async restore(releaseId: string): Promise<DownloadRecord | undefined> {
      const written = await write(releaseId, (current) => {
        if (!current?.replacing) return undefined;
        const { replacing, waitingFor: _w, error: _e, autoRetries: _a, ...rest } = current;
        return { ...rest, release: replacing, state: 'done', bytesReceived: releaseBytes(replacing), updatedAt: clock() };
      });
      return written ?? undefined;
    },

    /** Moves a record to `to` if TRANSITIONS allows it from its current state; undefined when refused. */
    async transition(releaseId: string, to: DownloadState, change: RecordChange = {}): Promise<DownloadRecord | undefined> {
      const written = await write(releaseId, (current) =>
        current && canTransition(current.state, to) ? { ...current, ...change, state: to, updatedAt: clock() } : undefined,
      );
      return written ?? undefined;
    },

    /** Bytes moved, written only while the record is `downloading`: a late event changes nothing. */
    async progress(releaseId: string, bytesReceived: number): Promise<void> {
      await write(releaseId, (current) =>
        current?.state === 'downloading' && current.bytesReceived !== bytesReceived
          ? { ...current, bytesReceived, updatedAt: clock() }
          : undefined,
      );
    },

    /** Cancel or remove: the record is gone whatever its state. */
    async remove(releaseId: string): Promise<void> {
      await write(releaseId, (current) => (current ? null : undefined));
    },

    /**
     * Starts queued downloads, oldest first, until `limit` are running; only those whose engine
     * the caller can run (the SW cannot run the page's fallback downloader). The caller has just
     * reached the server on a connection the person allows, so no queued download waits any more. Atomic over the
     * whole ledger, so two callers at once never start more than `limit`. Returns those started.
     */
    async promote(limit: number, engines: readonly DownloadEngine[]): Promise<DownloadRecord[]> {
      const promoted: DownloadRecord[] = [];
      const changed: DownloadRecord[] = [];
      await storage.updateAll((records) => {
        let free = limit - records.filter(isRunning).length;
        const queued = records.filter((r) => r.state === 'queued').sort((a, b) => a.requestedAt - b.requestedAt);
        for (const record of queued) {
          if (free > 0 && engines.includes(record.engine)) {
            free--;
            promoted.push({ ...record, state: 'downloading', waitingFor: undefined, updatedAt: clock() });
          } else if (record.waitingFor) {
            changed.push({ ...record, waitingFor: undefined, updatedAt: clock() });
          }
        }
        return [...promoted, ...changed];
      });
      for (const record of [...promoted, ...changed]) announce(record.releaseId);
      return promoted;
    },

    /** Marks every queued download as held back by `reason` (shown as such); returns how many changed. */
    async hold(reason: DownloadHold): Promise<number> {
      const waiting: DownloadRecord[] = [];
      await storage.updateAll((records) => {
        for (const record of records) {
          if (record.state === 'queued' && record.waitingFor !== reason) {
            waiting.push({ ...record, waitingFor: reason, updatedAt: clock() });
          }
        }
        return waiting;
      });
      for (const record of waiting) announce(record.releaseId);
      return waiting.length;
    },
  };
  return ledger;
}

export type Ledger = ReturnType<typeof createLedger>;
