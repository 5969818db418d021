import type { Server } from 'node:http';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patternBytes } from '../test/test-media.js';
import { startTestServer } from '../test/test-server.js';
import { listen } from './listen.js';

let server: Server;
let port = 0;
let big: Buffer;
let closeRepository: () => Promise<void>;

beforeAll(async () => {
  const test = await startTestServer({ env: { WRITE_RATE_LIMIT: '0' } });
  closeRepository = () => test.repository.close();
  big = patternBytes(8 * 1024 * 1024);
  test.media.addFile('albums/test/big.webm', big);
  server = await listen(test.app, { port: 0, host: '127.0.0.1', requestTimeoutMs: 600, maxConnections: 4 });
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await closeRepository();
});

/** A raw connection that sends `text` and reports what came back and when the server closed it. */
function rawClient(text: string) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => {});
  socket.write(text);
  const closed = new Promise<{ received: string; afterMs: number }>((resolve) => {
    const started = Date.now();
    socket.on('close', () => resolve({ received, afterMs: Date.now() - started }));
  });
  return { socket, closed };
}

describe('limits for slow and numerous clients', () => {
  it('answers 408 and closes a connection whose body never finishes arriving', async () => {
    const { closed } = rawClient(
      'POST /api/push/subscriptions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"endpoint":',
    );
    const { received, afterMs } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(3000);
  });

  it('closes a connection whose headers never finish arriving', async () => {
    const { closed } = rawClient('GET /api/catalog HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect((await closed).afterMs).toBeLessThan(3000);
  });

  it('lets a media response stream for longer than the request timeout', async () => {
    const body = await new Promise<Buffer>((resolve, reject) => {
      http.get({ port, host: '127.0.0.1', path: '/media/albums/test/big.webm' }, (res) => {
        const chunks: Buffer[] = [];
        res.pause(); // a slow reader: nothing is read for twice the request timeout
        setTimeout(() => res.resume(), 1200);
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      });
    });
    expect(body.equals(big)).toBe(true);
  });

  it('closes connections beyond MAX_CONNECTIONS as they arrive, and serves again once some go', async () => {
    const held = Array.from({ length: 4 }, () => net.connect(port, '127.0.0.1'));
    await Promise.all(held.map((s) => new Promise((resolve) => s.once('connect', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { closed } = rawClient('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect((await closed).received).toBe('');
    held.forEach((s) => s.destroy());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const status = await new Promise((resolve) =>
      http.get({ port, host: '127.0.0.1', path: '/api/health' }, (res) => resolve(res.statusCode)),
    );
    expect(status).toBe(200);
  });
});
