import type { Release } from '#common/catalog';
import type { DeviceLibrary, OfflineAction } from '#common/offline-actions';
import type { PushPreferences } from '#common/push-subscription';

/**
 * What the server stores, behind an interface so another database can take SQLite's place.
 * Every method returns only after the write is durable.
 */
export interface StoredSubscription {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
  readonly preferences: PushPreferences;
  readonly createdAt: string;
}

export interface SubscriptionStore {
  /** Inserts or replaces by endpoint; `created` is false when the endpoint was already known. */
  upsert(subscription: Omit<StoredSubscription, 'createdAt'>): { created: boolean };
  remove(endpoint: string): boolean;
  list(): StoredSubscription[];
  count(): number;
}

export interface ReleaseStore {
  /** Throws ReleaseExistsError when a release with this id was already published. */
  insert(release: Release): void;
  list(): Release[];
}

export interface ActionStore {
  /** Applies an action once: `applied` is false when its id was seen before (a replay). */
  apply(action: OfflineAction): { applied: boolean };
  library(deviceId: string): DeviceLibrary;
}

export interface Repository {
  readonly subscriptions: SubscriptionStore;
  readonly releases: ReleaseStore;
  readonly actions: ActionStore;
  close(): void;
}

export class ReleaseExistsError extends Error {
  override readonly name = 'ReleaseExistsError';
  constructor(readonly id: string) {
    super(`a release with id "${id}" already exists`);
  }
}
