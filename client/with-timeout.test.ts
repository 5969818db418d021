import { describe, expect, it, vi } from 'vitest';
import { TimeoutError, withTimeout } from './with-timeout.js';

describe('withTimeout', () => {
  it('gives the result when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'late')).resolves.toBe(7);
  });

  it('passes a failure on as it is', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 1000, 'late')).rejects.toThrow('refused');
  });

  it('gives up with the message after the time, and hands over a result that comes later', async () => {
    vi.useFakeTimers();
    try {
      let arrive: (value: string) => void = () => undefined;
      const work = new Promise<string>((resolve) => (arrive = resolve));
      const onLate = vi.fn();
      const waited = withTimeout(work, 12_000, 'The push service did not answer.', onLate);
      const outcome = expect(waited).rejects.toThrow(new TimeoutError('The push service did not answer.'));
      await vi.advanceTimersByTimeAsync(12_000);
      await outcome;
      arrive('subscription');
      await vi.runAllTimersAsync();
      expect(onLate).toHaveBeenCalledWith('subscription');
    } finally {
      vi.useRealTimers();
    }
  });
});
