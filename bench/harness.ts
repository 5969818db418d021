/** What every benchmark reports: one row of the table `npm run bench` prints. */
export interface Figure {
  readonly name: string;
  readonly stowaway: string;
  readonly anchor: string;
  /** Stowaway over anchor, in the direction the goal states; undefined when there is no anchor. */
  readonly ratio: number | undefined;
  readonly goal: string;
  /** Raw numbers for --json. */
  readonly data: Record<string, unknown>;
}

export interface BenchContext {
  /** The real server, started by the harness on a free port with a temporary DATA_DIR. */
  readonly origin: string;
  readonly server: { stop(): Promise<void>; start(): Promise<void> };
  /** A temporary MEDIA_DIR (a copy of the sample media) where a benchmark may put large files. */
  readonly mediaDir: string;
  /** The server process's pid, for its memory. */
  readonly serverPid: () => number | undefined;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<Figure[]>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The value below which p % of `values` fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns each run's milliseconds. */
export async function timeRuns(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}
