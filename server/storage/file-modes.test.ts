import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { subscriptionBody } from '../test/push-fixtures.js';
import { startTestServer } from '../test/test-server.js';

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('DATA_DIR and the database are for the server’s user only', () => {
  it('creates DATA_DIR 0700 and the database, its -wal and -shm 0600', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'stowaway-modes-')), 'data');
    const server = await startTestServer({ dataDir });
    await request(server.app).post('/api/push/subscriptions').send(subscriptionBody('https://127.0.0.1:9/push/m')).expect(201);
    const db = path.join(dataDir, 'stowaway.db');
    expect([mode(dataDir), mode(db), mode(`${db}-wal`), mode(`${db}-shm`)]).toEqual(['700', '600', '600', '600']);
    await server.repository.close();
  });

  it('tightens what an older version left readable', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'stowaway-modes-')), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const db = path.join(dataDir, 'stowaway.db');
    writeFileSync(db, '', { mode: 0o644 });
    chmodSync(db, 0o644);
    const server = await startTestServer({ dataDir });
    expect([mode(dataDir), mode(db), mode(`${db}-wal`)]).toEqual(['700', '600', '600']);
    await server.repository.close();
  });
});
