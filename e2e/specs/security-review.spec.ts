import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CACHE_NAMES } from '#common/cache-names';
import { openApp } from '../fixtures/browser.js';
import { FILE_BYTES_HEADER, blockKey } from '#common/download-blocks';
import { MEDIA_RESPONSE_HEADERS } from '#common/media-response-headers';
import { REPO_ROOT, ServerProcess } from '../fixtures/server-process.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

// The security review as tests: what the built app, the logs and the public URLs give away.
test.describe('security review', () => {
  // No ADMIN_TOKEN: the server generates one, as on an operator's first start.
  const server = new ServerProcess({ env: { ADMIN_TOKEN: '' } });
  test.beforeAll(() => server.start());
  test.afterAll(() => server.dispose());

  const secrets = () => ({
    adminToken: readFileSync(path.join(server.dataDir, 'admin-token'), 'utf8').trim(),
    vapidPrivateKey: (JSON.parse(readFileSync(path.join(server.dataDir, 'vapid.json'), 'utf8')) as { privateKey: string })
      .privateKey,
  });

  test('the secrets and the database are files only their owner can read', () => {
    for (const file of ['admin-token', 'vapid.json', 'stowaway.db', 'stowaway.db-wal', 'stowaway.db-shm']) {
      expect((statSync(path.join(server.dataDir, file)).mode & 0o777).toString(8), file).toBe('600');
    }
  });

  test('the built app contains no private key, admin token or server secret', () => {
    const { adminToken, vapidPrivateKey } = secrets();
    const files = filesUnder(path.join(REPO_ROOT, 'dist'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const needle of [adminToken, vapidPrivateKey, 'privateKey', 'PRIVATE KEY', 'ADMIN_TOKEN', 'admin-token']) {
        expect(text.includes(needle), `${path.relative(REPO_ROOT, file)} contains ${needle.slice(0, 12)}…`).toBe(false);
      }
    }
  });

  test('the logs say where the generated token is, never the token or the VAPID key', async () => {
    const { adminToken, vapidPrivateKey } = secrets();
    // Traffic that touches every secret: a refused publish, a subscription, the public key.
    await fetch(`${server.origin}/api/releases`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}x` } });
    await fetch(`${server.origin}/api/push/key`);
    expect(server.output).toContain('"message":"admin token generated"');
    expect(server.output).not.toContain(adminToken);
    expect(server.output).not.toContain(vapidPrivateKey);
  });

  test('nothing outside the built app and the media is served', async () => {
    const { adminToken, vapidPrivateKey } = secrets();
    for (const url of [
      '/admin-token',
      '/vapid.json',
      '/stowaway.db',
      '/data/admin-token',
      '/package.json',
      '/build/server/main.js',
      '/server/main.ts',
      '/.env',
      '/.git/config',
      '/media/catalog.json/../../package.json',
      '/assets/../../package.json',
    ]) {
      const res = await fetch(`${server.origin}${url}`);
      const body = await res.text();
      // A path without an extension is a page of the app: the shell answers it, and nothing else.
      const isShell = res.status === 200 && body.includes('<stowaway-app');
      expect(isShell || res.status === 404, `${url} → ${res.status}`).toBe(true);
      expect(body).not.toContain(adminToken);
      expect(body).not.toContain(vapidPrivateKey);
      expect(body).not.toContain('"dependencies"');
    }
  });

  test('a stored media file opened as a page never runs as one: the SW answers sandboxed, with nosniff', async ({ page }) => {
    await openApp(page, server.origin);
    // A file in the media cache typed as a page (one block, as downloads are stored), as an older
    // server could have sent one.
    await page.evaluate(
      async ({ cacheName, key, sizeHeader }) => {
        const cache = await caches.open(cacheName);
        const page = '<title>inert</title><script>document.title = "ran"</script>';
        const headers = { 'Content-Type': 'text/html', [sizeHeader]: String(page.length) };
        await cache.put(key, new Response(page, { headers }));
      },
      { cacheName: CACHE_NAMES.media, key: blockKey('/media/albums/hostile/track.webm', 0), sizeHeader: FILE_BYTES_HEADER },
    );
    const res = await page.goto(`${server.origin}/media/albums/hostile/track.webm`);
    expect(res?.fromServiceWorker()).toBe(true);
    expect(res?.headers()['x-content-type-options']).toBe('nosniff');
    expect(res?.headers()['content-security-policy']).toBe(MEDIA_RESPONSE_HEADERS['Content-Security-Policy']);
    expect(await page.title()).toBe('inert');
    // The server's own media answers carry the same headers.
    const online = await fetch(`${server.origin}/media/albums/harbour-lights/cover.jpg`);
    expect(online.headers.get('content-security-policy')).toBe(MEDIA_RESPONSE_HEADERS['Content-Security-Policy']);
  });

  test('the app runs under its CSP with nosniff, no framing, no referrer, and a root-scoped SW', async ({ page }) => {
    const res = await page.goto(server.origin);
    const headers = res?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.reload();
    await page.locator('release-card').first().waitFor();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.origin}/`);
    const sw = await fetch(`${server.origin}/sw.js`);
    expect(sw.headers.get('service-worker-allowed')).toBeNull();
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(violations).toEqual([]);
  });
});
