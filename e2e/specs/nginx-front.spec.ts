import { expect, test } from '@playwright/test';
import { launchBrowser, openApp } from '../fixtures/browser.js';
import { downloadThroughUi, playAndSeekOffline } from '../fixtures/download-helpers.js';
import { NginxProcess, nginxInstalled } from '../fixtures/nginx-process.js';
import { copySampleMedia } from '../fixtures/sample-release.js';
import { ServerProcess } from '../fixtures/server-process.js';

const TRACK = '/media/albums/harbour-lights/01-low-tide.webm';

// The committed deploy/nginx.conf in front of the server: media and assets from disk, the rest
// proxied. A person downloads an album through it, then plays and seeks it with both stopped.
test('behind the committed nginx config: media from disk with Range and strong validators; download, then play and seek offline', async () => {
  test.skip(
    !nginxInstalled() && process.env['STOWAWAY_REQUIRE_NGINX'] !== '1',
    'nginx is not installed (apt-get install nginx-light); .ci/run installs it and requires it',
  );
  const mediaDir = copySampleMedia();
  const server = new ServerProcess({ mediaDir });
  await server.start();
  const nginx = new NginxProcess({ mediaDir, upstreamPort: server.port });
  await nginx.start();
  const browser = await launchBrowser();
  try {
    const whole = await fetch(`${nginx.origin}${TRACK}`);
    const etag = whole.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/); // strong: no W/
    expect(whole.headers.get('cache-control')).toBe('public, max-age=604800');
    expect(whole.headers.get('content-type')).toBe('audio/webm');
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    // Readable by the app from another origin, when this nginx is MEDIA_BASE_URL.
    expect(whole.headers.get('access-control-allow-origin')).toBe('*');
    expect(whole.headers.get('access-control-expose-headers')).toContain('Content-Range');
    const preflight = await fetch(`${nginx.origin}${TRACK}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-range',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-Range');
    const bytes = Buffer.from(await whole.arrayBuffer());
    const part = await fetch(`${nginx.origin}${TRACK}`, { headers: { Range: 'bytes=1000-1999', 'If-Range': etag } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
    const multi = await fetch(`${nginx.origin}${TRACK}`, { headers: { Range: 'bytes=0-9,100-109' } });
    expect(multi.status).toBe(200); // never a multipart body
    await multi.arrayBuffer();
    // The app's hashed scripts from disk, as the build compressed them (they went out whole).
    const html = await (await fetch(nginx.origin)).text();
    const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1] ?? 'no entry script';
    const script = await fetch(`${nginx.origin}${entry}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('content-type')).toBe('text/javascript');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toContain('customElements');
    // Node's own answers come through the proxy: the API, with its validators.
    const catalog = await fetch(`${nginx.origin}/api/catalog`);
    expect(catalog.status).toBe(200);
    expect(catalog.headers.get('etag')).toMatch(/^"/);

    const { page } = browser;
    await openApp(page, nginx.origin);
    await downloadThroughUi(page, 'Harbour Lights');
    await nginx.stop();
    await server.stop();
    // The person opens the app again with both gone (a relaunch is what is tested).
    await page.reload();
    await playAndSeekOffline(page, nginx.origin);
  } finally {
    await browser.close();
    await nginx.dispose();
    await server.dispose();
  }
});
