import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Release } from '#common/catalog';
import { DEVICE_KEY_HEADER } from '#common/device-key';
import { API } from '#common/routes';
import { copySampleMedia, newAlbumFrom, publishRelease } from '../fixtures/sample-release.js';
import { ServerProcess } from '../fixtures/server-process.js';

const deviceKey = { [DEVICE_KEY_HEADER]: randomBytes(32).toString('base64url') };
const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...deviceKey }, body: JSON.stringify(body) });
/** The device's follows; none before its first action is stored (the server does not know it yet). */
const libraryOf = async (origin: string, device: string) => {
  const body = (await (await fetch(`${origin}${API.library(device)}`, { headers: deviceKey })).json()) as { follows?: string[] };
  return { follows: body.follows ?? [] };
};

/** Sends writes one after another until the server goes away; returns what it acknowledged. */
async function writeUntilRefused<T>(items: readonly T[], send: (item: T) => Promise<Response>): Promise<T[]> {
  const acknowledged: T[] = [];
  for (const item of items) {
    try {
      const res = await send(item);
      if (res.status >= 200 && res.status < 300) acknowledged.push(item);
    } catch {
      break; // connection refused or reset: the server is gone
    }
  }
  return acknowledged;
}

// SQLite runs in WAL with synchronous=FULL and every write answers only after its commit, so an
// acknowledged write must outlive a SIGKILL that lands while other writes are mid-flight.
test('SIGKILL while subscriptions, actions and releases are being written: every acknowledged write survives, the database is intact', async () => {
  test.setTimeout(90_000);
  const mediaDir = copySampleMedia();
  const releases: Release[] = Array.from({ length: 60 }, (_, n) =>
    newAlbumFrom(mediaDir, 'harbour-lights', `crash-release-${n}`, `Crash Release ${n}`),
  );
  const server = new ServerProcess({ mediaDir, env: { PUSH_ALLOW_LOOPBACK: '1', WRITE_RATE_LIMIT: '0' } });
  await server.start();
  try {
    const device = randomUUID();
    const keys = {
      p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      auth: 'tBHItJI5svbpez7KI4CCXg',
    };
    // Movie alerts only: the albums published here then do not start a fan-out to these endpoints.
    const moviesOnly = { kinds: ['movie'] };
    const endpoints = Array.from({ length: 5000 }, (_, n) => `https://127.0.0.1:9/push/crash-${n}`);
    const artists = Array.from({ length: 5000 }, (_, n) => `Artist ${n}`);

    const writing = Promise.all([
      writeUntilRefused(endpoints, (endpoint) =>
        post(`${server.origin}/api/push/subscriptions`, { endpoint, keys, preferences: moviesOnly }),
      ),
      writeUntilRefused(artists, (artist) =>
        post(`${server.origin}/api/actions`, {
          id: randomUUID(),
          deviceId: device,
          type: 'follow',
          subject: artist,
          at: new Date().toISOString(),
        }),
      ),
      writeUntilRefused(releases, (release) => publishRelease(server.origin, release)),
    ]);
    // Kill once each kind of write has been acknowledged a few times, with more still coming.
    await expect
      .poll(async () => {
        const library = await libraryOf(server.origin, device);
        const catalog = (await (await fetch(`${server.origin}/api/catalog`)).json()) as { releases: Release[] };
        return library.follows.length >= 20 && catalog.releases.some((r) => r.id === 'crash-release-2');
      })
      .toBe(true);
    await server.stop('SIGKILL');
    const [subscribed, followed, published] = await writing;
    test.info().annotations.push({
      type: 'acknowledged before the kill',
      description: `${subscribed.length} subscriptions, ${followed.length} follows, ${published.length} releases`,
    });
    expect(subscribed.length).toBeGreaterThan(0);
    expect(subscribed.length).toBeLessThan(endpoints.length); // the kill really landed mid-stream
    expect(followed.length).toBeLessThan(artists.length);
    expect(published.length).toBeLessThan(releases.length);

    await server.start();
    const catalog = (await (await fetch(`${server.origin}/api/catalog`)).json()) as { releases: Release[] };
    const catalogIds = new Set(catalog.releases.map((r) => r.id));
    expect(published.filter((r) => !catalogIds.has(r.id))).toEqual([]);
    const library = await libraryOf(server.origin, device);
    expect(followed.filter((artist) => !library.follows.includes(artist))).toEqual([]);

    const db = new Database(path.join(server.dataDir, 'stowaway.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(db.prepare('SELECT endpoint FROM subscriptions').pluck().all() as string[]);
      expect(subscribed.filter((endpoint) => !stored.has(endpoint))).toEqual([]);
    } finally {
      db.close();
    }
    // And it goes on taking writes.
    expect(
      (await post(`${server.origin}/api/push/subscriptions`, { endpoint: 'https://127.0.0.1:9/push/after', keys })).status,
    ).toBe(201);
  } finally {
    await server.dispose();
  }
});
