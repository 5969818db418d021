import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { releaseMaker } from '../test/library-fixtures.js';
import { makeTestMedia } from '../test/test-media.js';
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
});
