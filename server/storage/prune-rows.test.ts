import { describe, expect, it } from 'vitest';
import { deviceAction, newDevice } from '../test/device-fixtures.js';
import { openTestRepository } from '../test/test-repository.js';
import { releaseMaker } from '../test/library-fixtures.js';
import { makeTestMedia } from '../test/test-media.js';
import { ACTION_RETENTION_MS, DELIVERY_RETENTION_MS, PLAYS_KEPT_PER_DEVICE } from './prune-rows.js';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-11-20T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('retention of what clients write', () => {
  it('keeps each device’s newest plays, and other actions for 30 days, without undoing their effect', async () => {
    const repository = await openTestRepository();
    const device = newDevice().id;
    const plays = Array.from({ length: 50 }, (_, n) =>
      deviceAction(device, 'play', `/media/${n}.webm`, new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString()),
    );
    for (const play of plays) await repository.actions.apply(play, ago(60 * DAY));
    const oldFollow = deviceAction(device, 'follow', 'Old Friend');
    await repository.actions.apply(oldFollow, ago(ACTION_RETENTION_MS + DAY));
    await repository.actions.apply(deviceAction(device, 'follow', 'New Friend'), ago(DAY));

    expect(await repository.prune(now)).toEqual({ actions: 50 - PLAYS_KEPT_PER_DEVICE + 1, devices: 0, deliveries: 0 });
    const library = await repository.actions.library(device);
    expect(library.recentlyPlayed.map((p) => p.track)).toEqual(
      plays
        .slice(-PLAYS_KEPT_PER_DEVICE)
        .reverse()
        .map((p) => p.subject),
    );
    expect(library.follows).toEqual(['New Friend', 'Old Friend']);
    expect(await repository.prune(now)).toEqual({ actions: 0, devices: 0, deliveries: 0 });
    // The follow's id is forgotten: a replay that old applies again, which a follow survives.
    expect((await repository.actions.apply(oldFollow)).applied).toBe(true);
    await repository.close();
  });

  it('forgets a device registered over 30 days ago that has nothing left', async () => {
    const repository = await openTestRepository();
    const idle = newDevice().id;
    const busy = newDevice().id;
    await repository.devices.claim(idle, Buffer.alloc(32));
    await repository.devices.claim(busy, Buffer.alloc(32));
    await repository.actions.apply(deviceAction(busy, 'favourite', '/media/a.webm'));
    expect(await repository.prune(new Date(Date.now() + ACTION_RETENTION_MS + DAY))).toMatchObject({ devices: 1 });
    expect(await repository.devices.keyHash(idle)).toBeUndefined();
    expect(await repository.devices.keyHash(busy)).toBeDefined();
    await repository.close();
  });

  it('forgets a release alert’s status and its row per subscriber after 30 days, not before', async () => {
    const repository = await openTestRepository();
    await repository.subscriptions.upsert({
      endpoint: 'https://fcm.googleapis.com/fcm/send/x',
      p256dh: 'p',
      auth: 'a',
      preferences: {},
    });
    const { deliveryId } = await repository.catalog.publish(
      releaseMaker(makeTestMedia())({ id: 'old', title: 'O', artist: 'A' }),
    );
    await repository.deliveries.addTargets({ deliveryId, releaseId: 'old' }, ['https://fcm.googleapis.com/fcm/send/x']);
    expect(await repository.prune(new Date(Date.now() + DELIVERY_RETENTION_MS - DAY))).toMatchObject({ deliveries: 0 });
    expect(await repository.deliveries.ofRelease('old')).toMatchObject({ matched: 1 });
    expect(await repository.prune(new Date(Date.now() + DELIVERY_RETENTION_MS + DAY))).toMatchObject({ deliveries: 1 });
    expect(await repository.deliveries.ofRelease('old')).toBeUndefined();
    await repository.close();
  });
});
