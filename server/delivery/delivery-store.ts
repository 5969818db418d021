import { DEAD_LETTERS_LISTED, type DeliveryStatus } from '#common/delivery-status';

/** The first job of a release's alert: split it into one job per matching subscriber. */
export interface FanOutJob {
  readonly deliveryId: string;
  readonly releaseId: string;
}

/**
 * The alert for a batch of subscribers (pushJobsFor); its job key is the delivery and the first
 * endpoint (each subscriber is in one batch of a delivery). Batches rather than one job per
 * subscriber: queueing 100,000 single jobs took 6.7 s on PostgreSQL here, nearly all in pg-boss's
 * inserts; in batches it takes 1.4 s (bench/figures/queue-fanout.ts). What is done is kept per
 * subscriber, so a batch tried again sends only to those still pending.
 */
export interface PushJob extends FanOutJob {
  readonly endpoints: readonly string[];
}

export type TargetOutcome = 'sent' | 'failed' | 'removed';

/**
 * The progress of every release's alert, kept with the rest of the data (SQLite or PostgreSQL),
 * and the queue its jobs go through. A delivery is created, and its fan-out job queued, in the
 * transaction that publishes the release (CatalogStore.publish).
 */
export interface DeliveryStore {
  ofRelease(releaseId: string): Promise<DeliveryStatus | undefined>;
  /** The endpoints of a release's alert that were dead-lettered, and the tries each had (at most DEAD_LETTERS_LISTED). */
  deadLetters(releaseId: string): Promise<Array<{ endpoint: string; tries: number }>>;
  /**
   * Records these subscribers as targets of the delivery, each once, and queues one push job for
   * each new one, in one transaction: a fan-out run again after a crash queues only the rest.
   */
  addTargets(job: FanOutJob, endpoints: readonly string[]): Promise<number>;
  /** The fan-out has queued every target. */
  fannedOut(deliveryId: string): Promise<void>;
  /**
   * Before a batch's posts: the endpoints of the batch still pending, each counted as sent once
   * more (one write for the batch), so a process killed mid-batch leaves a count of what may have
   * been posted twice. The others are finished already: nothing is sent to them again.
   */
  startTry(job: PushJob): Promise<string[]>;
  /** The post was not made, or refused with "try later": it does not count as a send. */
  unsend(deliveryId: string, endpoint: string): Promise<void>;
  /** Records a subscriber's outcome; dead-lettered when given up on after the last try. */
  finish(deliveryId: string, endpoint: string, outcome: TargetOutcome, deadLettered?: boolean): Promise<void>;
}

/** Thrown by a push job that should be tried again later (429, 5xx, timeouts). */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';
}

export interface AlertHandlers {
  fanOut(job: FanOutJob): Promise<void>;
  /**
   * Throws to be tried again. `attempt`: this try's number (1 first); `lastTry`: no try follows
   * this one (a throw then dead-letters the job).
   */
  push(job: PushJob, attempt: { readonly number: number; readonly last: boolean }): Promise<void>;
}

/** A queue engine: SQLite's own table (sqlite-job-queue.ts) or pg-boss (pg-boss-queue.ts). */
export interface AlertQueue {
  /** Works the queue in this process (any number of processes may) until stop(). */
  work(handlers: AlertHandlers): Promise<void>;
  stop(): Promise<void>;
}

/** Tries of a push job before it is dead-lettered: the first and two retries (backoff about 1 and 2 s). */
export const PUSH_TRIES = 3;
/** Subscribers queued per fan-out transaction (100,000 queued in 1.4 s on PostgreSQL here; 1,000 a chunk took 1.8 s). */
export const FAN_OUT_CHUNK = 5000;
/** Subscribers per push job, at most. */
export const PUSH_BATCH = 100;
/**
 * A fan-out is split into at least this many jobs where it has the subscribers for it: 121
 * subscribers make 61 jobs of two, not two of 100, so every process working the queue takes a share.
 */
export const PUSH_JOBS_AT_LEAST = 64;
/** Posts one push job has in flight at once (a process works a few jobs at a time: push-queue options). */
export const POSTS_PER_JOB = 8;

/** The push jobs for these newly added subscribers: up to PUSH_BATCH a job, in PUSH_JOBS_AT_LEAST jobs or more. */
export function pushJobsFor(job: FanOutJob, endpoints: readonly string[]): PushJob[] {
  const size = Math.min(PUSH_BATCH, Math.max(1, Math.ceil(endpoints.length / PUSH_JOBS_AT_LEAST)));
  const jobs: PushJob[] = [];
  for (let start = 0; start < endpoints.length; start += size) {
    jobs.push({ ...job, endpoints: endpoints.slice(start, start + size) });
  }
  return jobs;
}

/** A push job's key: one queued job per batch, and each subscriber is in one batch of a delivery. */
export const pushJobKey = (job: PushJob): string => `${job.deliveryId}:${job.endpoints[0] ?? ''}`;

/** SQL both dialects run (with `?` placeholders): a delivery's status from its targets. */
const STATUS_SQL = `
  SELECT d.id, d.release_id AS "releaseId", d.fanned_out AS "fannedOut", count(t.endpoint) AS matched,
    coalesce(sum(CASE WHEN t.state = 'sent' THEN 1 ELSE 0 END), 0) AS sent,
    coalesce(sum(CASE WHEN t.state = 'failed' THEN 1 ELSE 0 END), 0) AS failed,
    coalesce(sum(CASE WHEN t.state = 'removed' THEN 1 ELSE 0 END), 0) AS removed,
    coalesce(sum(CASE WHEN t.state = 'pending' THEN 1 ELSE 0 END), 0) AS pending,
    coalesce(sum(CASE WHEN t.sends > 1 THEN t.sends - 1 ELSE 0 END), 0) AS resent,
    coalesce(sum(t.dead_lettered), 0) AS "deadLettered"
  FROM deliveries d LEFT JOIN delivery_targets t ON t.delivery_id = d.id
  WHERE d.release_id = ? GROUP BY d.id, d.release_id, d.fanned_out`;

export type StatusRow = Omit<DeliveryStatus, 'state'> & { readonly fannedOut: number };

/** The status a STATUS_SQL row stands for (PostgreSQL's counts arrive as strings). */
export function statusOf(row: StatusRow): DeliveryStatus {
  const n = (value: unknown) => Number(value);
  const pending = n(row.pending);
  return {
    id: row.id,
    releaseId: row.releaseId,
    state: n(row.fannedOut) === 0 ? 'queued' : pending > 0 ? 'sending' : 'done',
    matched: n(row.matched),
    sent: n(row.sent),
    failed: n(row.failed),
    removed: n(row.removed),
    pending,
    resent: n(row.resent),
    deadLettered: n(row.deadLettered),
  };
}

/** The other statements both stores run (with `?` placeholders). */
export const DELIVERY_SQL = {
  status: STATUS_SQL,
  unsend: 'UPDATE delivery_targets SET sends = sends - 1, unsent = unsent + 1 WHERE delivery_id = ? AND endpoint = ?',
  finish: `UPDATE delivery_targets SET state = ?, dead_lettered = ?
           WHERE delivery_id = ? AND endpoint = ? AND state = 'pending'`,
  fannedOut: 'UPDATE deliveries SET fanned_out = 1 WHERE id = ?',
  deadLetters: `SELECT t.endpoint, t.sends + t.unsent AS tries FROM delivery_targets t JOIN deliveries d ON d.id = t.delivery_id
                WHERE d.release_id = ? AND t.dead_lettered = 1 ORDER BY t.endpoint LIMIT ${DEAD_LETTERS_LISTED}`,
} as const;
