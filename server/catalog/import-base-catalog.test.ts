import { writeFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Catalog, Release } from '#common/catalog';
import { catalogChangesSchema } from '#common/catalog-page';
import { API } from '#common/routes';
import { generateReleases } from '../../bench/generate-catalog.js';
import { ConfigError } from '../config/config-error.js';
import { CHANGES_KEPT } from '../storage/sqlite-catalog-writes.js';
import { releaseMaker, writeBaseCatalog } from '../test/library-fixtures.js';
import { changesRouter } from '../routes/changes-router.js';
import { makeTestMedia } from '../test/test-media.js';
import { openTestRepository } from '../test/test-repository.js';
import { startTestServer } from '../test/test-server.js';
import { WHOLE_CATALOG_MAX } from './catalog-service.js';
import { importBaseCatalog } from './import-base-catalog.js';

async function setUp() {
  const media = makeTestMedia();
  const release = releaseMaker(media);
  const releases = ['one', 'two', 'three'].map((id) => release({ id, title: `Title ${id}`, artist: 'Someone' }));
  writeBaseCatalog(media, releases);
  const repository = await openTestRepository();
  const file = path.join(media.mediaDir, 'catalog.json');
  return { media, release, releases, repository, store: repository.catalog, file };
}

describe('importBaseCatalog', () => {
  it('imports the file, then only when its content changes', async () => {
    const { release, releases, store, file, media, repository } = await setUp();
    expect(await importBaseCatalog(file, store)).toEqual({ unchanged: false, releases: 3, changed: 3, removed: 0 });
    expect(await store.version()).toBe(3);
    expect(await importBaseCatalog(file, store)).toEqual({ unchanged: true, releases: 3, changed: 0, removed: 0 });
    expect(await store.version()).toBe(3);

    // A published release stays; the file drops one, changes one and adds one.
    await store.publish(release({ id: 'published', title: 'Published', artist: 'Operator' }));
    const [one, two] = releases as [Release, Release];
    writeBaseCatalog(media, [
      one,
      { ...two, title: 'Title two, remastered' },
      release({ id: 'four', title: 'Four', artist: 'B' }),
    ]);
    expect(await importBaseCatalog(file, store)).toEqual({ unchanged: false, releases: 3, changed: 2, removed: 1 });
    expect(await store.version()).toBe(7);
    const log = (await store.changesSince(4, 10)).changes.map((c) => [c.id, c.release ? 'upsert' : 'removed', c.addedVersion]);
    // "two" was added at version 2 and changed now: a client at 4 is told it changed, not that it is new.
    expect(log).toEqual([
      ['two', 'upsert', 2],
      ['four', 'upsert', 6],
      ['three', 'removed', 3],
    ]);
    const answer = await request(express().use(API.catalogChanges, changesRouter(store)))
      .get(API.catalogChanges)
      .query({ since: 4 });
    expect(answer.body).toMatchObject({ upserts: [{ id: 'two' }, { id: 'four' }], added: ['four'], removed: ['three'] });
    expect((await store.get('two'))?.title).toBe('Title two, remastered');
    expect(await store.has('published')).toBe(true);
    expect(await store.count()).toBe(4);
    await repository.close();
  });

  it('leaves the catalog as it was when the file is invalid anywhere, and says where', async () => {
    const { releases, store, file, repository } = await setUp();
    await importBaseCatalog(file, store);
    const bad = [...releases.slice(0, 2), { ...releases[2], releaseDate: 'soon' }];
    writeFileSync(file, JSON.stringify({ releases: [...bad, ...releases.map((r) => ({ ...r, id: `${r.id}-x` }))] }));
    await expect(importBaseCatalog(file, store)).rejects.toThrow(/is invalid: releases\.2: releaseDate/);
    writeFileSync(file, JSON.stringify({ releases: [releases[0], releases[0]] }));
    await expect(importBaseCatalog(file, store)).rejects.toThrow(/id "one" appears twice/);
    writeFileSync(file, '{"releases": [');
    await expect(importBaseCatalog(file, store)).rejects.toBeInstanceOf(ConfigError);
    expect(await store.version()).toBe(3);
    expect(await store.count()).toBe(3);
    await expect(importBaseCatalog(path.join(file, 'missing'), store)).rejects.toThrow(/cannot read the base catalog/);
    await repository.close();
  });
});

describe('a catalog over the old 10,000 cap', () => {
  it('is imported whole; GET /api/catalog sends the newest 10,000; old versions are told to resync', async () => {
    const media = makeTestMedia();
    const samples = (
      JSON.parse(
        (await import('node:fs')).readFileSync(path.resolve(import.meta.dirname, '../../media/catalog.json'), 'utf8'),
      ) as Catalog
    ).releases;
    const count = CHANGES_KEPT + 50;
    writeFileSync(path.join(media.mediaDir, 'catalog.json'), JSON.stringify({ releases: [...generateReleases(samples, count)] }));
    const server = await startTestServer({ media });
    try {
      expect(await server.repository.catalog.count()).toBe(count);
      const whole = await request(server.app).get(API.catalog);
      expect(whole.body.releases).toHaveLength(WHOLE_CATALOG_MAX);
      expect(whole.body.releases.at(-1).id).toBe(`gen-${count - 1}`);
      const page = await request(server.app).get(API.libraryReleases).query({ sort: 'added', limit: 1 });
      expect(page.body.releases[0].id).toBe(`gen-${count - 1}`);

      expect((await request(server.app).get(API.catalogChanges).query({ since: 0 })).body).toEqual({
        type: 'resync',
        version: count,
      });
      const oldest = catalogChangesSchema.parse((await request(server.app).get(API.catalogChanges).query({ since: 50 })).body);
      expect(oldest).toMatchObject({ type: 'changes', since: 50, version: 250, more: true });
      expect(oldest.type === 'changes' && oldest.upserts[0]?.id).toBe('gen-50');
    } finally {
      await server.repository.close();
    }
  }, 120_000);
});
