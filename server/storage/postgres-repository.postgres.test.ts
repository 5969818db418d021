import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { releaseMaker } from '../test/library-fixtures.js';
import { createDatabase } from '../test/postgres-cluster.js';
import { makeTestMedia } from '../test/test-media.js';
import { openPostgresRepository } from './postgres-repository.js';
import { ReleaseExistsError } from './repository.js';

const release = releaseMaker(makeTestMedia());

// Several server processes on one database: here, two repositories (two pools) opened at once.
describe('two processes on one PostgreSQL database', () => {
  it('migrate once, see each other’s writes, and count catalog versions without gaps or repeats', async () => {
    const url = await createDatabase(inject('postgresUrl'));
    const [a, b] = await Promise.all([openPostgresRepository(url), openPostgresRepository(url)]);
    try {
      await a.subscriptions.upsert({
        endpoint: 'https://fcm.googleapis.com/fcm/send/x',
        p256dh: 'p',
        auth: 'q',
        preferences: {},
      });
      expect(await b.subscriptions.get('https://fcm.googleapis.com/fcm/send/x')).toMatchObject({ auth: 'q', failures: 0 });

      const ids = Array.from({ length: 20 }, (_, n) => `r${n}`);
      await Promise.all(ids.map((id, n) => (n % 2 ? a : b).catalog.publish(release({ id, title: id, artist: `A${n % 3}` }))));
      expect(await a.catalog.version()).toBe(20);
      const log = await b.catalog.changesSince(0, 100);
      expect(log.changes.map((c) => c.version)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
      expect((await b.catalog.listArtists(undefined, 10)).artists.map((x) => x.releases)).toEqual([7, 7, 6]);

      // The same id from both at once: one wins, the other is told it exists.
      const both = await Promise.allSettled(
        [a, b].map((r) => r.catalog.publish(release({ id: 'same', title: 'S', artist: 'S' }))),
      );
      expect(both.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(both.find((s) => s.status === 'rejected')?.reason).toBeInstanceOf(ReleaseExistsError);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
