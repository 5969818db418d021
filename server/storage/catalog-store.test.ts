import { describe, expect, it } from 'vitest';
import { releaseMaker } from '../test/library-fixtures.js';
import { makeTestMedia } from '../test/test-media.js';
import { openTestRepository } from '../test/test-repository.js';
import { ReleaseExistsError } from './repository.js';

const release = releaseMaker(makeTestMedia());

describe('the catalog store', () => {
  it('publishes in one write, refuses a known id, and keeps artists counted as releases move', async () => {
    const repository = await openTestRepository();
    const store = repository.catalog;
    await store.publish(release({ id: 'a', title: 'A', artist: 'Zoë' }));
    await expect(store.publish(release({ id: 'a', title: 'Again', artist: 'Zoë' }))).rejects.toThrow(ReleaseExistsError);
    const session = await store.beginImport();
    await session.put([release({ id: 'a', title: 'A', artist: 'Other' }), release({ id: 'b', title: 'B', artist: 'zoe' })]);
    await session.finish('0'.repeat(64));
    expect(await store.artist('zoe')).toEqual({ id: 'zoe', name: 'zoe', releases: 1 });
    expect((await store.artist('other'))?.releases).toBe(1);
    expect((await store.listArtists(undefined, 10)).artists.map((a) => a.id)).toEqual(['other', 'zoe']);
    expect(await store.version()).toBe(3);
    expect(await store.baseSha256()).toBe('0'.repeat(64));
    await repository.close();
  });

  it('leaves the catalog as it was when an import is aborted', async () => {
    const repository = await openTestRepository();
    const store = repository.catalog;
    await store.publish(release({ id: 'kept', title: 'Kept', artist: 'K' }));
    const session = await store.beginImport();
    expect(await session.put([release({ id: 'x', title: 'X', artist: 'Y' })])).toBe(1);
    await session.abort();
    expect([await store.count(), await store.version(), await store.has('x'), await store.artist('y')]).toEqual([
      1,
      1,
      false,
      undefined,
    ]);
    await repository.close();
  });
});
