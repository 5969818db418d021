import { z } from 'zod';

/**
 * Things a person does that the server keeps, queued in an outbox while offline and replayed in
 * order when the network returns. Each carries its own id, so a replay changes nothing twice.
 */
export const OFFLINE_ACTION_TYPES = ['follow', 'unfollow', 'favourite', 'unfavourite', 'play'] as const;

export const offlineActionSchema = z.strictObject({
  id: z.uuid(),
  deviceId: z.uuid(),
  type: z.enum(OFFLINE_ACTION_TYPES),
  /** The artist's name for follow/unfollow, the track's URL for favourite/unfavourite/play. */
  subject: z.string().trim().min(1).max(512),
  at: z.iso.datetime(),
});

export type OfflineAction = z.infer<typeof offlineActionSchema>;
export type OfflineActionType = OfflineAction['type'];

/** What the server keeps for one device: GET /api/devices/<id>/library. */
export interface DeviceLibrary {
  readonly follows: readonly string[];
  readonly favourites: readonly string[];
  readonly recentlyPlayed: ReadonlyArray<{ readonly track: string; readonly at: string }>;
}
