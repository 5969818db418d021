/**
 * How a release's alert is going: GET /api/releases/<id>/delivery (admin), and the 201 of
 * POST /api/releases, which answers as soon as the alert is queued. The queue sends one job per
 * subscriber (server/delivery); these counts move as the jobs finish.
 */
export interface DeliveryStatus {
  /** The delivery's own id (one per release). */
  readonly id: string;
  readonly releaseId: string;
  /** queued: not yet split into one job per subscriber; sending: jobs pending; done: none left. */
  readonly state: 'queued' | 'sending' | 'done';
  /** Subscribers whose preferences matched (known once the alert is split). */
  readonly matched: number;
  readonly sent: number;
  /** Given up on: refused for good, or still failing after the last retry (then also dead-lettered). */
  readonly failed: number;
  /** Subscriptions deleted: 404/410 from the push service, or an endpoint no longer allowed. */
  readonly removed: number;
  /** Not finished yet (waiting, being sent, or waiting for a retry). */
  readonly pending: number;
  /**
   * Alerts posted to the push service more than once: a worker killed, or timed out, between
   * sending and recording it. The push service keeps one undelivered alert per topic, so a
   * subscriber offline meanwhile still sees one; one online may see two.
   */
  readonly resent: number;
  /** Jobs in the dead-letter queue (the last retry failed), for the operator to look at. */
  readonly deadLettered: number;
}

/**
 * One subscriber whose alert was given up on after its last try: GET
 * /api/releases/<id>/delivery/dead-letters (admin). The endpoint is shown as logs show it (the
 * push service and a short tail): the whole URL is a capability to send to that browser.
 */
export interface DeadLetter {
  readonly endpoint: string;
  /** Tries made, refusals with "try later" included. */
  readonly tries: number;
}

/** The most dead letters one answer lists (the status counts them all). */
export const DEAD_LETTERS_LISTED = 1000;
