import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_KEY_HEADER } from '#common/device-key';
import type { OfflineActionType } from '#common/offline-actions';
import { createLogger } from '../logger.js';
import { deviceAction, newDevice } from '../test/device-fixtures.js';
import { startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.repository.close());

const device = newDevice();
const action = (type: OfflineActionType, subject: string, at?: string) => deviceAction(device.id, type, subject, at);
const post = (body: object) => request(server.app).post('/api/actions').set(device.headers).send(body);
const library = async () => (await request(server.app).get(`/api/devices/${device.id}/library`).set(device.headers)).body;

describe('offline actions', () => {
  it('applies each action once: a replay changes nothing', async () => {
    const follow = action('follow', 'The Stowaways');
    const favourite = action('favourite', '/media/albums/test/01.webm');
    for (let replay = 0; replay < 3; replay++) {
      for (const a of [follow, favourite]) {
        const res = await post(a);
        expect(res.status).toBe(replay === 0 ? 201 : 200);
        expect(res.body).toEqual({ id: a.id, applied: replay === 0 });
      }
    }
    expect(await library()).toEqual({
      follows: ['The Stowaways'],
      favourites: ['/media/albums/test/01.webm'],
      recentlyPlayed: [],
    });
  });

  it('applies actions in order (follow then unfollow leaves nothing) and keeps plays, newest first', async () => {
    await post(action('follow', 'Mira Okafor')).expect(201);
    await post(action('unfollow', 'Mira Okafor')).expect(201);
    await post(action('play', '/media/a.webm', '2026-11-01T10:00:00.000Z')).expect(201);
    await post(action('play', '/media/b.webm', '2026-11-02T10:00:00.000Z')).expect(201);
    const lib = await library();
    expect(lib.follows).toEqual(['The Stowaways']);
    expect(lib.recentlyPlayed).toEqual([
      { track: '/media/b.webm', at: '2026-11-02T10:00:00.000Z' },
      { track: '/media/a.webm', at: '2026-11-01T10:00:00.000Z' },
    ]);
  });

  it.each([
    ['an unknown type', { ...action('follow', 'x'), type: 'delete-everything' }],
    ['a bad id', { ...action('follow', 'x'), id: 'not-a-uuid' }],
    ['a missing subject', { ...action('follow', 'x'), subject: '' }],
    ['an extra field', { ...action('follow', 'x'), admin: true }],
  ])('refuses %s with a 400 and stores nothing', async (_name, body) => {
    const before = await library();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(await library()).toEqual(before);
  });

  it('refuses a device id that is not a UUID', async () => {
    expect((await request(server.app).get('/api/devices/..%2f/library').set(device.headers)).status).toBe(400);
  });
});

describe('the device key', () => {
  const stranger = newDevice();

  it('refuses to read a device library without its key, with another key, or for an unknown device (403, alike)', async () => {
    await post(action('follow', 'Private Taste')).expect(201);
    const url = `/api/devices/${device.id}/library`;
    const answers = [
      await request(server.app).get(url),
      await request(server.app).get(url).set(stranger.headers),
      await request(server.app).get(url).set(DEVICE_KEY_HEADER, 'short'),
      await request(server.app).get(`/api/devices/${stranger.id}/library`).set(stranger.headers),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(JSON.stringify(res.body)).not.toContain('Private Taste');
    }
    expect((await library()).follows).toContain('Private Taste');
  });

  it('refuses an action for a device without its key, or with another device’s key, and applies nothing', async () => {
    const forged = action('unfollow', 'Private Taste');
    expect((await request(server.app).post('/api/actions').send(forged)).status).toBe(403);
    expect((await request(server.app).post('/api/actions').set(stranger.headers).send(forged)).status).toBe(403);
    expect((await library()).follows).toContain('Private Taste');
  });

  it('registers a new device with the key of its first action (trust on first use) and stores only a hash', async () => {
    await request(server.app).post('/api/actions').set(stranger.headers).send(deviceAction(stranger.id)).expect(201);
    const lib = await request(server.app).get(`/api/devices/${stranger.id}/library`).set(stranger.headers);
    expect(lib.status).toBe(200);
    expect(lib.body.recentlyPlayed).toHaveLength(1);
    const stored = await server.repository.devices.keyHash(stranger.id);
    expect(stored?.equals(createHash('sha256').update(stranger.key).digest())).toBe(true);
  });

  it('keeps the key out of the request log, and the device id too', async () => {
    const lines: string[] = [];
    const logged = await startTestServer({ logger: createLogger((line) => lines.push(line)) });
    await request(logged.app).post('/api/actions').set(device.headers).send(action('play', '/media/x.webm')).expect(201);
    await request(logged.app).get(`/api/devices/${device.id}/library`).set(device.headers).expect(200);
    await logged.repository.close();
    expect(lines.join('')).toContain('/api/devices/:id/library');
    expect(lines.join('')).not.toContain(device.key);
    expect(lines.join('')).not.toContain(device.id);
  });
});
