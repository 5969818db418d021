import type { DeviceLibrary, OfflineAction } from '#common/offline-actions';
import type { PushPreferences } from '#common/push-subscription';
import type { Store } from 'express-rate-limit';
import type { AlertQueue, DeliveryStore } from '../delivery/delivery-store.js';
import type { CatalogStore } from './catalog-store.js';

/**
 * What the server stores, behind an interface that SQLite (the default) and PostgreSQL both
 * implement. Every method is asynchronous because PostgreSQL is across a socket; each returns
 * only after its write is durable.
 */
export interface StoredSubscription {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
  readonly preferences: PushPreferences;
  readonly createdAt: string;
  /** Alerts that failed in a row, and since when (ISO time); 0 and null once one gets through. */
  readonly failures: number;
  readonly failingSince: string | null;
}

export type NewSubscription = Omit<StoredSubscription, 'createdAt' | 'failures' | 'failingSince'>;

export interface SubscriptionStore {
  get(endpoint: string): Promise<StoredSubscription | undefined>;
  /** Inserts, or replaces keys and preferences by endpoint; `created` is false when it was known. */
  upsert(subscription: NewSubscription): Promise<{ created: boolean }>;
  remove(endpoint: string): Promise<boolean>;
  list(): Promise<StoredSubscription[]>;
  count(): Promise<number>;
  /** One more failed alert in a row; undefined when the subscription is gone meanwhile. */
  recordFailure(endpoint: string, at: Date): Promise<{ failures: number; failingSince: string } | undefined>;
  recordSuccess(endpoint: string): Promise<void>;
}

export interface DeviceStore {
  /** The SHA-256 of the device's key, if the device is known. */
  keyHash(deviceId: string): Promise<Buffer | undefined>;
  /** Registers the device with this key hash unless it is known; returns the hash it is known by. */
  claim(deviceId: string, keyHash: Buffer): Promise<Buffer>;
}

export interface ActionStore {
  /** Applies an action once: `applied` is false when its id was seen before (a replay). */
  apply(action: OfflineAction, receivedAt?: Date): Promise<{ applied: boolean }>;
  library(deviceId: string): Promise<DeviceLibrary>;
}

/** Rows deleted by one pass of the retention rules (server/storage/prune-rows.ts). */
export interface PruneCounts {
  readonly actions: number;
  readonly devices: number;
  /** Release alerts (with their per-subscriber rows) older than DELIVERY_RETENTION_MS. */
  readonly deliveries: number;
}

export interface Repository {
  readonly subscriptions: SubscriptionStore;
  readonly catalog: CatalogStore;
  readonly actions: ActionStore;
  readonly devices: DeviceStore;
  readonly deliveries: DeliveryStore;
  /** The alert queue's engine on this database; nothing is worked until `work` is called. */
  readonly queue: AlertQueue;
  /**
   * Where the write rate limit counts, when several processes share this database (PostgreSQL);
   * undefined for SQLite, whose one process counts in memory.
   */
  rateLimitStore(windowMs: number): Store | undefined;
  /** Applies the retention rules; run at start and hourly by main. */
  prune(now?: Date): Promise<PruneCounts>;
  close(): Promise<void>;
}

export class ReleaseExistsError extends Error {
  override readonly name = 'ReleaseExistsError';
  constructor(readonly id: string) {
    super(`a release with id "${id}" already exists`);
  }
}
