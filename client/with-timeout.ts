/** Thrown by withTimeout when the work did not settle in time; its message is meant for people. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * `work`, or a TimeoutError with `message` after `ms`. The work itself goes on (a promise cannot be
 * cancelled): `onLate` receives its result if it arrives after all, to undo what nobody waits for.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, message: string, onLate?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new TimeoutError(message));
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        if (timedOut) onLate?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!timedOut) reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
