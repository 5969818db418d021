import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { releaseMaker } from '../test/library-fixtures.js';
import { makeTestMedia } from '../test/test-media.js';
import { ReleaseExistsError } from './repository.js';
import { openSqliteRepository } from './sqlite-repository.js';

const release = releaseMaker(makeTestMedia());
const dbFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'stowaway-store-')), 'stowaway.db');

describe('the SQLite catalog store', () => {
  it('moves releases published before schema 4 into the catalog once', async () => {
    const file = dbFile();
    await openSqliteRepository(file).close();
    const old = release({ id: 'published-long-ago', title: 'Old', artist: 'Early' });
    const db = new Database(file);
    db.prepare('INSERT INTO releases (id, body, published_at) VALUES (?, ?, ?)').run(old.id, JSON.stringify(old), '2026-01-01');
    db.close();
    const repository = openSqliteRepository(file);
    expect(await repository.catalog.get(old.id)).toEqual(old);
    expect(await repository.catalog.artist('early')).toEqual({ id: 'early', name: 'Early', releases: 1 });
    await repository.close();
    const again = openSqliteRepository(file);
    expect(await again.catalog.count()).toBe(1);
    await again.close();
  });

  it('publishes in one write, refuses a known id, and keeps artists counted as releases move', async () => {
    const repository = openSqliteRepository(dbFile());
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
    await repository.close();
  });
});
