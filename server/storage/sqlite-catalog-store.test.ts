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
  it('moves releases published before schema 4 into the catalog once', () => {
    const file = dbFile();
    openSqliteRepository(file).close();
    const old = release({ id: 'published-long-ago', title: 'Old', artist: 'Early' });
    const db = new Database(file);
    db.prepare('INSERT INTO releases (id, body, published_at) VALUES (?, ?, ?)').run(old.id, JSON.stringify(old), '2026-01-01');
    db.close();
    const repository = openSqliteRepository(file);
    expect(repository.catalog.get(old.id)).toEqual(old);
    expect(repository.catalog.artist('early')).toEqual({ id: 'early', name: 'Early', releases: 1 });
    repository.close();
    const again = openSqliteRepository(file);
    expect(again.catalog.count()).toBe(1);
    again.close();
  });

  it('publishes in one write, refuses a known id, and keeps artists counted as releases move', () => {
    const repository = openSqliteRepository(dbFile());
    const store = repository.catalog;
    store.publish(release({ id: 'a', title: 'A', artist: 'Zoë' }));
    expect(() => store.publish(release({ id: 'a', title: 'Again', artist: 'Zoë' }))).toThrow(ReleaseExistsError);
    const session = store.beginImport();
    session.put([release({ id: 'a', title: 'A', artist: 'Other' }), release({ id: 'b', title: 'B', artist: 'zoe' })]);
    session.finish('0'.repeat(64));
    expect(store.artist('zoe')).toEqual({ id: 'zoe', name: 'zoe', releases: 1 });
    expect(store.artist('other')?.releases).toBe(1);
    expect(store.listArtists(undefined, 10).artists.map((a) => a.id)).toEqual(['other', 'zoe']);
    expect(store.version()).toBe(3);
    repository.close();
  });
});
