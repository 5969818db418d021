import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForStall, type ProgressSource } from './stall-watchdog.js';

describe('watchForStall', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const fetchLike = (): { -readonly [K in keyof ProgressSource]: ProgressSource[K] } => ({ downloaded: 0, result: '' });
  const options = (onStall: () => void, online = { value: true }) => ({
    stallMs: 60_000,
    checkEveryMs: 5_000,
    isOnline: () => online.value,
    onStall,
  });

  it('calls onStall once after a minute online with no new byte', () => {
    const onStall = vi.fn();
    watchForStall(fetchLike(), options(onStall));
    vi.advanceTimersByTime(55_000);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5_000);
    expect(onStall).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(300_000);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  it('never fires while bytes keep coming, however slowly', () => {
    const onStall = vi.fn();
    const fetch = fetchLike();
    watchForStall(fetch, options(onStall));
    for (let i = 0; i < 60; i++) {
      vi.advanceTimersByTime(50_000);
      fetch.downloaded += 1;
    }
    expect(onStall).not.toHaveBeenCalled();
  });

  it('does not count time offline', () => {
    const onStall = vi.fn();
    const online = { value: false };
    watchForStall(fetchLike(), options(onStall, online));
    vi.advanceTimersByTime(600_000);
    expect(onStall).not.toHaveBeenCalled();
    online.value = true;
    vi.advanceTimersByTime(60_000);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  it('stops watching once the fetch settles, and when told to', () => {
    const onStall = vi.fn();
    const settled = fetchLike();
    watchForStall(settled, options(onStall));
    settled.result = 'success';
    const stop = watchForStall(fetchLike(), options(onStall));
    stop();
    vi.advanceTimersByTime(600_000);
    expect(onStall).not.toHaveBeenCalled();
  });
});
