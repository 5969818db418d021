import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Release } from '#common/catalog';
import type { CatalogChanges, ReleasePage } from '#common/catalog-page';
import { API } from '#common/routes';
import { startTestServer } from '../test/test-server.js';

const CDN = 'https://cdn.stowaway.example';
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({ env: { MEDIA_BASE_URL: `${CDN}/` } });
});
afterAll(() => server.repository.close());

const onCdn = (url: string) => url.startsWith(`${CDN}/media/`);

describe('MEDIA_BASE_URL: what clients are sent names the media origin', () => {
  it('in one release, every part and the artwork', async () => {
    const id = server.media.release.id;
    const release = (await request(server.app).get(API.libraryRelease(id))).body as Release;
    expect(onCdn(release.artwork)).toBe(true);
    expect(release.parts.every((p) => onCdn(p.url))).toBe(true);
    expect(release.parts.map((p) => p.url.slice(CDN.length))).toEqual(server.media.release.parts.map((p) => p.url));
  });

  it('in a page of the library, the artwork and each size in its srcset', async () => {
    const page = (await request(server.app).get(API.libraryReleases)).body as ReleasePage;
    const summary = page.releases[0];
    expect(summary && onCdn(summary.artwork)).toBe(true);
    const srcset = summary?.artworkSrcset?.split(', ') ?? [];
    expect(srcset.length).toBeGreaterThan(1);
    expect(srcset.every(onCdn)).toBe(true);
  });

  it('in the change feed and the whole catalog', async () => {
    const changes = (await request(server.app).get(API.catalogChanges).query({ since: 0 })).body as CatalogChanges;
    const upserts = changes.type === 'changes' ? changes.upserts : [];
    expect(upserts.length).toBeGreaterThan(0);
    expect(upserts.flatMap((r) => r.parts).every((p) => onCdn(p.url))).toBe(true);
    const whole = (await request(server.app).get(API.catalog)).body as Catalog;
    expect(whole.releases.flatMap((r) => r.parts).every((p) => onCdn(p.url))).toBe(true);
  });

  it('while the database keeps paths, and the media route still finds files by them', async () => {
    const stored = await server.repository.catalog.get(server.media.release.id);
    expect(stored?.parts.every((p) => p.url.startsWith('/media/'))).toBe(true);
    const track = server.media.release.parts.find((p) => p.role === 'track');
    expect((await request(server.app).head(track?.url ?? '')).status).toBe(200);
  });

  it('and the CSP lets the page load images, media and downloads from that origin only', async () => {
    const csp = (await request(server.app).get(API.health)).headers['content-security-policy'] as string;
    for (const directive of ['img-src', 'media-src', 'connect-src']) {
      expect(csp.split('; ').find((d) => d.startsWith(directive))).toContain(CDN);
    }
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).toBe("script-src 'self'");
  });
});
