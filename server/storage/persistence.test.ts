import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { subscriptionBody } from '../test/push-fixtures.js';
import { patternBytes } from '../test/test-media.js';
import { ADMIN_TOKEN, startTestServer } from '../test/test-server.js';

describe('restart on the same DATA_DIR', () => {
  it('keeps subscriptions, published releases, VAPID keys and the admin token', async () => {
    const first = await startTestServer();
    const endpoint = 'https://updates.push.services.mozilla.com/wpush/v2/abc';
    await request(first.app)
      .post('/api/push/subscriptions')
      .send(subscriptionBody(endpoint, { kinds: ['movie'] }))
      .expect(201);
    const track = first.media.addFile('albums/kept/01.webm', patternBytes(64));
    const cover = first.media.addFile('albums/kept/cover.jpg', patternBytes(8));
    const release = {
      id: 'kept',
      kind: 'album',
      title: 'Kept',
      artist: 'A',
      releaseDate: '2026-05-05',
      artwork: cover.url,
      parts: [
        { ...track, type: 'audio/webm', role: 'track', title: 'T', duration: 1 },
        { ...cover, type: 'image/jpeg', role: 'artwork' },
      ],
    };
    await request(first.app).post('/api/releases').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send(release).expect(201);
    const catalogBefore = await request(first.app).get('/api/catalog');
    await first.repository.close();

    const second = await startTestServer({ media: first.media, dataDir: first.dataDir });
    expect(await second.repository.subscriptions.list()).toEqual([
      expect.objectContaining({ endpoint, preferences: { kinds: ['movie'] } }),
    ]);
    const catalogAfter = await request(second.app).get('/api/catalog');
    expect(catalogAfter.body).toEqual(catalogBefore.body);
    expect(catalogAfter.headers['etag']).toBe(catalogBefore.headers['etag']);
    expect(second.secrets.vapid).toEqual(first.secrets.vapid);
    await second.repository.close();
  });

  it('generates an admin token once, keeps it, and says so only the first time', async () => {
    const { loadSecrets } = await import('../secrets/load-secrets.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/stowaway-secrets-`);
    const first = await loadSecrets(dir, undefined);
    const second = await loadSecrets(dir, undefined);
    expect(first.generatedAdminToken).toBe(true);
    expect(second.generatedAdminToken).toBe(false);
    expect(second.adminToken).toBe(first.adminToken);
    expect(first.adminToken.length).toBeGreaterThanOrEqual(32);
    expect((await loadSecrets(dir, 'from-the-environment-1')).adminToken).toBe('from-the-environment-1');
  });
});
