import { expect, test } from '@playwright/test';
import { ServerProcess } from '../fixtures/server-process.js';

// The README's promise: `npm start` builds and serves everything, with the sample catalog and media.
test.describe('npm start', () => {
  const server = new ServerProcess({ viaNpmStart: true });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await server.start();
  });
  test.afterAll(() => server.dispose());

  test('serves the catalog, a range of a media file and the app', async ({ request }) => {
    const catalog = await request.get(`${server.origin}/api/catalog`);
    expect(catalog.status()).toBe(200);
    const { releases } = (await catalog.json()) as {
      releases: { id: string; parts: { url: string; bytes: number; role: string }[] }[];
    };
    expect(releases.map((r) => r.id)).toEqual(expect.arrayContaining(['harbour-lights', 'signal-garden', 'test-pattern']));

    const track = releases[0]?.parts.find((p) => p.role === 'track');
    if (!track) throw new Error('the sample catalog has no track');
    const range = await request.get(`${server.origin}${track.url}`, { headers: { Range: 'bytes=100-1123' } });
    expect(range.status()).toBe(206);
    expect(range.headers()['content-range']).toBe(`bytes 100-1123/${track.bytes}`);
    expect((await range.body()).length).toBe(1024);

    const page = await request.get(`${server.origin}/downloads`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('<stowaway-app');
  });
});
