import type { Release } from './catalog.js';
import { releaseBytes } from './release-facts.js';

/**
 * The download ledger: one record per release in IndexedDB, written by the SW and by the page,
 * rendered by the UI. A record carries its own manifest (the release as it was validated when the
 * download started), so finishing, verifying, resuming and cleaning up never need a catalog. A
 * release counts as available offline only in state `done`, set after every block is stored and
 * checked.
 */
/** The BroadcastChannel on which every ledger write is announced to every page and the SW. */
export const LEDGER_CHANNEL = 'stowaway-downloads';

export const DOWNLOAD_STATES = ['queued', 'downloading', 'paused', 'verifying', 'done', 'failed'] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];

/**
 * Every state change the ledger allows; any other is refused. Cancel and Remove delete the record
 * from any state. `downloading → queued`: the network went away, the download waits for it.
 */
export const TRANSITIONS: Readonly<Record<DownloadState, readonly DownloadState[]>> = {
  queued: ['downloading', 'paused', 'failed'],
  downloading: ['verifying', 'paused', 'failed', 'queued'],
  paused: ['queued', 'failed'],
  verifying: ['done', 'failed', 'queued'],
  done: ['failed'],
  failed: ['queued'],
};

/** Releases downloading at once unless the person chooses otherwise in Settings (1 to 4). */
export const DEFAULT_MAX_DOWNLOADS = 2;
export const MAX_DOWNLOADS_CHOICES = [1, 2, 3, 4] as const;

export const canTransition = (from: DownloadState, to: DownloadState): boolean => TRANSITIONS[from].includes(to);

export type DownloadEngine = 'background-fetch' | 'fallback';

/** What a queued download can be held back by (the queue starts it by itself once it is gone). */
export type DownloadHold = 'network' | 'unmetered';

export interface DownloadRecord {
  readonly releaseId: string;
  readonly state: DownloadState;
  readonly engine: DownloadEngine;
  /** The release as validated when the download was asked for: every part's URL, type, bytes and hashes. */
  readonly release: Release;
  /**
   * The finished copy in another quality that this download replaces (Change quality): it stays
   * stored and playable until this one is done, then the files only it used are freed; cancelled,
   * the record goes back to it.
   */
  readonly replacing?: Release;
  /** Bytes stored or in flight; the total is releaseBytes(release). */
  readonly bytesReceived: number;
  /**
   * Why a queued download does not start yet: the network (or the server) is gone, or the
   * connection is metered and the person asked for downloads on unmetered ones only.
   */
  readonly waitingFor?: DownloadHold;
  /** Automatic restarts after the connection was lost, so a server that keeps failing ends in `failed`. */
  readonly autoRetries?: number;
  /** A sentence the person can read, for `failed`. */
  readonly error?: string;
  /** When the person (or a push, or a follow) asked for it: the queue's order. */
  readonly requestedAt: number;
  readonly updatedAt: number;
}

/** The Background Fetch id and ledger key of a release's download. */
export const downloadId = (releaseId: string): string => `release:${releaseId}`;
export const releaseIdOf = (id: string): string | undefined => (id.startsWith('release:') ? id.slice(8) : undefined);

/** Asked for and not settled: queued, downloading or verifying (a paused download is settled until resumed). */
export const isActive = (record: DownloadRecord | undefined): boolean =>
  record !== undefined && (record.state === 'queued' || record.state === 'downloading' || record.state === 'verifying');

/** Taking a slot of the queue: moving bytes or checking them. */
export const isRunning = (record: DownloadRecord): boolean => record.state === 'downloading' || record.state === 'verifying';

export const bytesExpected = (record: DownloadRecord): number => releaseBytes(record.release);

/** The release as stored and playable now: the finished download, or the copy a quality change replaces. */
export const playableCopy = (record: DownloadRecord): Release | undefined =>
  record.state === 'done' ? record.release : record.replacing;

/** The readable reason for each Background Fetch failure (and the app's own reasons). */
export const DOWNLOAD_FAILURES: Readonly<Record<string, string>> = {
  aborted: 'The download was cancelled.',
  'bad-status': 'The server refused one of the files. Try again later.',
  'fetch-error': 'The connection was lost. Press Retry when you are back online.',
  'quota-exceeded': 'There is not enough storage space on this device. Free some space and retry.',
  'download-total-exceeded': 'The server sent more data than the catalog announced, so the download was stopped.',
  '': 'The download stopped for an unknown reason. Press Retry.',
  /** Not the browser's: the page's stall watchdog (client/downloads/stall-watchdog.ts) gave up on it. */
  stalled: 'The download stopped receiving data. Press Retry to start it again.',
  /** The connection dropped again and again while the server seemed reachable. */
  'connection-lost': 'The connection kept dropping. Press Retry when the network is better.',
};

/** The record a new download starts with, whoever asks for it (the Download button, a push, a follow). */
export function newDownloadRecord(release: Release, engine: DownloadEngine, now = Date.now()): DownloadRecord {
  return { releaseId: release.id, state: 'queued', engine, release, bytesReceived: 0, requestedAt: now, updatedAt: now };
}

/** A stored value that is a record of this format (an older format, or junk, is not). */
export function isDownloadRecord(value: unknown): value is DownloadRecord {
  const record = value as Partial<DownloadRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.releaseId === 'string' &&
    DOWNLOAD_STATES.includes(record.state as DownloadState) &&
    typeof record.release === 'object' &&
    record.release !== null &&
    Array.isArray(record.release.parts)
  );
}
