/** What the watchdog reads of a running Background Fetch. */
export interface ProgressSource {
  readonly downloaded: number;
  readonly result: '' | 'success' | 'failure';
}

export interface StallWatchdogOptions {
  /** No new byte for this long, while online, counts as a stall. */
  readonly stallMs: number;
  readonly checkEveryMs: number;
  readonly isOnline: () => boolean;
  readonly onStall: () => void;
}

/**
 * Chromium can leave a Background Fetch running but receiving nothing, for good: seen after a new
 * service worker version activates mid-download (the update-mid-download e2e found it; it does not
 * happen every time). Such a download would show "Downloading 40%" forever, so a page watching it
 * calls `onStall` once no byte has arrived for `stallMs` while the device is online. Time offline
 * does not count: Background Fetch waits for the network by design.
 */
export function watchForStall(source: ProgressSource, options: StallWatchdogOptions): () => void {
  let lastBytes = source.downloaded;
  let quietMs = 0;
  const timer = setInterval(() => {
    if (source.result !== '') return stop();
    if (source.downloaded !== lastBytes || !options.isOnline()) {
      lastBytes = source.downloaded;
      quietMs = 0;
      return;
    }
    quietMs += options.checkEveryMs;
    if (quietMs >= options.stallMs) {
      stop();
      options.onStall();
    }
  }, options.checkEveryMs);
  const stop = () => clearInterval(timer);
  return stop;
}
