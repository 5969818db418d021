import { expect, test } from '@playwright/test';
import type { Release } from '#common/catalog';
import { API } from '#common/routes';
import { launchBrowser, openApp } from '../fixtures/browser.js';
import { downloadThroughUi, playAndSeekOffline } from '../fixtures/download-helpers.js';
import { copySampleMedia } from '../fixtures/sample-release.js';
import { ServerProcess } from '../fixtures/server-process.js';

/** The lines of a server's request log that fetched a media file. */
const mediaRequests = (server: ServerProcess): number =>
  server.output.split('\n').filter((line) => line.includes('"message":"request"') && line.includes('"path":"/media/')).length;

// MEDIA_BASE_URL puts the media on another origin, as a CDN would: here a second server on
// another port serves the same MEDIA_DIR. A person downloads an album from the app's origin;
// every file comes from the media origin (CORS, never opaque), is verified and stored, and plays
// and seeks with the media origin gone, then with both gone.
for (const engine of ['background-fetch', 'fallback'] as const) {
  test(`${engine}: media on a second origin: the catalog points there, the download comes from there, and it plays offline`, async () => {
    const mediaDir = copySampleMedia();
    const media = new ServerProcess({ mediaDir });
    await media.start();
    const app = new ServerProcess({ mediaDir, env: { MEDIA_BASE_URL: media.origin } });
    await app.start();
    const browser = await launchBrowser({ withoutBackgroundFetch: engine === 'fallback' });
    try {
      const response = await fetch(`${app.origin}${API.libraryRelease('harbour-lights')}`);
      const release = (await response.json()) as Release;
      expect(release.artwork.startsWith(`${media.origin}/media/`)).toBe(true);
      expect(release.parts.every((part) => part.url.startsWith(`${media.origin}/media/`))).toBe(true);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`media-src 'self' blob: ${media.origin}`);
      expect(csp).toContain(`connect-src 'self' ${media.origin}`);
      // The media origin answers the app's preflight (a resumed download sends If-Range).
      const preflight = await fetch(release.parts[0]?.url ?? '', {
        method: 'OPTIONS',
        headers: {
          Origin: app.origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'range,if-range',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/If-Range/);

      const { page } = browser;
      await openApp(page, app.origin);
      await downloadThroughUi(page, 'Harbour Lights');
      expect(mediaRequests(media)).toBeGreaterThan(0);
      expect(mediaRequests(app)).toBe(0);

      // With the media origin gone, each file read by its own URL there is the catalog's bytes.
      await media.stop();
      const hashes = await page.evaluate(
        async (urls) => {
          const hex = (digest: ArrayBuffer) =>
            Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
          return Promise.all(
            urls.map(async (url) => hex(await crypto.subtle.digest('SHA-256', await (await fetch(url)).arrayBuffer()))),
          );
        },
        release.parts.map((part) => part.url),
      );
      expect(hashes).toEqual(release.parts.map((part) => part.sha256));
      await playAndSeekOffline(page, app.origin);

      // Then the app's origin too: the person opens the app again with no network at all.
      await app.stop();
      await page.reload();
      await playAndSeekOffline(page, app.origin);
      expect(mediaRequests(app)).toBe(0);
    } finally {
      await browser.close();
      await app.dispose();
      await media.dispose();
    }
  });
}
