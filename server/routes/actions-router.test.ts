import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.repository.close());

const device = randomUUID();
const action = (type: string, subject: string, at = new Date().toISOString()) => ({
  id: randomUUID(),
  deviceId: device,
  type,
  subject,
  at,
});
const library = async () => (await request(server.app).get(`/api/devices/${device}/library`)).body;

describe('offline actions', () => {
  it('applies each action once: a replay changes nothing', async () => {
    const follow = action('follow', 'The Stowaways');
    const favourite = action('favourite', '/media/albums/test/01.webm');
    for (let replay = 0; replay < 3; replay++) {
      for (const a of [follow, favourite]) {
        const res = await request(server.app).post('/api/actions').send(a);
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
    await request(server.app).post('/api/actions').send(action('follow', 'Mira Okafor')).expect(201);
    await request(server.app).post('/api/actions').send(action('unfollow', 'Mira Okafor')).expect(201);
    await request(server.app)
      .post('/api/actions')
      .send(action('play', '/media/a.webm', '2026-11-01T10:00:00.000Z'))
      .expect(201);
    await request(server.app)
      .post('/api/actions')
      .send(action('play', '/media/b.webm', '2026-11-02T10:00:00.000Z'))
      .expect(201);
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
    const res = await request(server.app).post('/api/actions').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(await library()).toEqual(before);
  });

  it('refuses a device id that is not a UUID', async () => {
    expect((await request(server.app).get('/api/devices/..%2f/library')).status).toBe(400);
  });
});
