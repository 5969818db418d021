import { writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import type { Catalog, Part, Release } from '#common/catalog';
import { API } from '#common/routes';
import { patternBytes, type TestMedia } from './test-media.js';
import { ADMIN_TOKEN } from './test-server.js';

export interface ReleaseFields {
  readonly id: string;
  readonly title: string;
  readonly artist: string;
  readonly kind?: Release['kind'];
  readonly tracks?: readonly string[];
  readonly releaseDate?: string;
}

/**
 * Releases for library tests, all made of a few small files under the test MEDIA_DIR (one file,
 * one type), with the titles, artists and track titles a test needs.
 */
export function releaseMaker(media: TestMedia) {
  const files = new Map<string, ReturnType<TestMedia['addFile']>>();
  const file = (relative: string, size: number) => {
    let made = files.get(relative);
    if (!made) files.set(relative, (made = media.addFile(relative, patternBytes(size))));
    return made;
  };
  return ({ id, title, artist, kind = 'album', tracks = ['Track'], releaseDate = '2026-01-01' }: ReleaseFields): Release => {
    const cover: Part = { ...file('library/cover.jpg', 40), type: 'image/jpeg', role: 'artwork' };
    const parts: Part[] =
      kind === 'movie'
        ? [{ ...file('library/film.mpd', 90), type: 'application/dash+xml', role: 'manifest', duration: 600 }]
        : tracks.map((trackTitle, i) => ({
            ...file(`library/${i + 1}.webm`, 100 + i),
            type: 'audio/webm',
            role: 'track',
            title: trackTitle,
            duration: 30,
          }));
    return { id, kind, title, artist, releaseDate, artwork: cover.url, parts: [...parts, cover] };
  };
}

/** Replaces MEDIA_DIR/catalog.json (read at the next start). */
export function writeBaseCatalog(media: TestMedia, releases: readonly Release[]): void {
  const catalog: Catalog = { releases: [...releases] };
  writeFileSync(path.join(media.mediaDir, 'catalog.json'), JSON.stringify(catalog));
}

export const publishRelease = (app: Express, release: Release) =>
  request(app).post(API.releases).set('Authorization', `Bearer ${ADMIN_TOKEN}`).send(release);
