import { DEAD_LETTERS_LISTED, type DeliveryStatus } from '#common/delivery-status';

/** The first job of a release's alert: split it into one job per matching subscriber. */
export interface FanOutJob {
  readonly deliveryId: string;
  readonly releaseId: string;
}

/** One subscriber's alert; its job key is the delivery and the endpoint. */
export interface PushJob extends FanOutJob {
  readonly endpoint: string;
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
  /** Before a post to the push service: false when the target is finished already (nothing to send). */
  isPending(job: PushJob): Promise<boolean>;
  /** The post was refused with "try later": it does not count as a send. */
  unsend(job: PushJob): Promise<void>;
  /**
   * Records the outcome of try number `attempt` (the queue's own count, stored when it claimed
   * the job: no write is needed before a send to know a killed try may have posted).
   */
  finish(job: PushJob, outcome: TargetOutcome, attempt: number, deadLettered?: boolean): Promise<void>;
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
/** Subscribers queued per fan-out transaction. */
export const FAN_OUT_CHUNK = 1000;

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
  isPending: "SELECT 1 AS pending FROM delivery_targets WHERE delivery_id = ? AND endpoint = ? AND state = 'pending'",
  unsend: 'UPDATE delivery_targets SET unsent = unsent + 1 WHERE delivery_id = ? AND endpoint = ?',
  finish: `UPDATE delivery_targets SET state = ?, sends = ? - unsent, dead_lettered = ?
           WHERE delivery_id = ? AND endpoint = ? AND state = 'pending'`,
  fannedOut: 'UPDATE deliveries SET fanned_out = 1 WHERE id = ?',
  deadLetters: `SELECT t.endpoint, t.sends + t.unsent AS tries FROM delivery_targets t JOIN deliveries d ON d.id = t.delivery_id
                WHERE d.release_id = ? AND t.dead_lettered = 1 ORDER BY t.endpoint LIMIT ${DEAD_LETTERS_LISTED}`,
} as const;
