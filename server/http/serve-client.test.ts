import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_ARTWORK_SIZES, FIRST_SCREEN_CARDS, RELEASE_ARTWORK_SIZES } from '#common/artwork-srcset';
import { PAGES } from '#common/routes';
import type { ReleaseSummary } from '#common/catalog-page';
import type { ReleaseListQuery } from '../storage/catalog-store.js';
import { startTestServer } from '../test/test-server.js';
import { firstScreenPreloads } from './first-screen-preloads.js';
import { serveClient } from './serve-client.js';

const PAGE = '<!doctype html><html><head><title>Stowaway</title></head><body><stowaway-app></stowaway-app></body></html>';

/** A hashed script as the build leaves it: the file, and its .br and .gz forms beside it. */
const SCRIPT = `customElements.define('x-app', class extends HTMLElement {});\n`.repeat(200);

function builtClient(): string {
  const clientDir = mkdtempSync(path.join(tmpdir(), 'stowaway-client-'));
  mkdirSync(path.join(clientDir, 'assets'));
  writeFileSync(path.join(clientDir, 'index.html'), PAGE);
  const script = path.join(clientDir, 'assets', 'index-abc123.js');
  writeFileSync(script, SCRIPT);
  writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
  return clientDir;
}

describe('the page the server sends on a first visit', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ env: { CLIENT_DIR: builtClient() }, serveClient: true });
  });
  afterAll(() => server.repository.close());

  it('preloads the first cards’ artwork in the size the card asks for', async () => {
    const res = await request(server.app).get('/').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const release = server.media.release;
    const sized = release.parts.filter((p) => p.role === 'artwork' && p.width);
    expect(sized.length).toBeGreaterThan(0);
    const links = res.text.match(/<link rel="preload"[^>]*>/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toContain(`href="${release.artwork}"`);
    expect(links[0]).toContain(`imagesrcset="${sized.map((p) => `${p.url} ${p.width}w`).join(', ')}"`);
    expect(links[0]).toContain(`imagesizes="${CARD_ARTWORK_SIZES}"`);
    expect(res.text.indexOf(links[0] ?? '?')).toBeLessThan(res.text.indexOf('</head>'));
  });

  it('preloads a release’s own artwork on its page, in the size that page shows it', async () => {
    const release = server.media.release;
    const res = await request(server.app).get(PAGES.release(release.id)).set('Accept', 'text/html');
    expect(res.status).toBe(200);
    const links = res.text.match(/<link rel="preload"[^>]*>/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toContain(`href="${release.artwork}"`);
    expect(links[0]).toContain(`imagesizes="${RELEASE_ARTWORK_SIZES}"`);
  });

  it('sends the page without preloads for pages that open with no artwork, or a release it does not have', async () => {
    const library = await request(server.app).get('/').set('Accept', 'text/html');
    for (const route of ['/settings', '/downloads', PAGES.release('no-such-release'), PAGES.artist('someone')]) {
      const page = await request(server.app).get(route).set('Accept', 'text/html');
      expect(page.status, route).toBe(200);
      expect(page.text, route).toBe(library.text.replace(/<link rel="preload"[^>]*>/g, ''));
      expect(page.text, route).not.toContain('rel="preload"');
    }
  });
});

describe('firstScreenPreloads', () => {
  const summary = (id: string, fields: Partial<ReleaseSummary> = {}) =>
    ({ id, artwork: `/media/${id}/cover.jpg`, artworkSrcset: `/media/${id}/cover-160.webp 160w`, ...fields }) as ReleaseSummary;

  it('asks the catalog for the library’s first screen only: newest first, as many as its first cards', async () => {
    const asked: ReleaseListQuery[] = [];
    const catalog = {
      listReleases: (query: ReleaseListQuery) => {
        asked.push(query);
        return Promise.resolve({ releases: [summary('a')], next: undefined });
      },
      get: () => Promise.reject(new Error('a list needs no single release')),
    };
    expect(await firstScreenPreloads(catalog, '/')).toContain('href="/media/a/cover.jpg"');
    expect(asked).toEqual([{ sort: 'added', limit: FIRST_SCREEN_CARDS }]);
    expect(await firstScreenPreloads(catalog, '/settings')).toBe('');
    expect(asked).toHaveLength(1);
  });

  it('escapes what the catalog says, and leaves out the srcset of artwork in one size', async () => {
    const tags = await firstScreenPreloads(
      {
        listReleases: () =>
          Promise.resolve({
            releases: [summary('a', { artwork: 'https://cdn.example/a"b.jpg?x=1&y=<2>' }), summary('b', { artworkSrcset: '' })],
            next: undefined,
          }),
        get: () => Promise.resolve(undefined),
      },
      '/',
    );
    expect(tags).toContain('href="https://cdn.example/a&quot;b.jpg?x=1&amp;y=&lt;2&gt;"');
    expect(tags.split('<link').filter(Boolean)[1]).not.toContain('imagesrcset');
    expect(tags.match(/fetchpriority="high"/g)).toHaveLength(2);
  });
});

describe('serveClient', () => {
  const app = express().use(serveClient(builtClient()));
  const get = (accept: string) => request(app).get('/assets/index-abc123.js').set('Accept-Encoding', accept);

  it('sends a hashed script compressed at build time: brotli where accepted, else gzip, else as it is', async () => {
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gzipSync(SCRIPT).length);
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(SCRIPT.length);
    for (const res of [br, gz, plain]) {
      expect(res.status).toBe(200);
      expect(res.text).toBe(SCRIPT);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['vary']).toContain('Accept-Encoding');
    }
  });

  it('sends the page without the extra tags when they fail', async () => {
    const app = express().use(serveClient(builtClient(), () => Promise.reject(new Error('database down'))));
    const res = await request(app).get('/').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toBe(PAGE);
  });
});
