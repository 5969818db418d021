import { lookup as systemLookup } from 'node:dns';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressPolicy, FORBIDDEN_ADDRESS } from './endpoint-address.js';
import { PushAgent } from './push-agent.js';

// A listener on loopback that records every connection and every byte it receives.
let victim: net.Server;
let port = 0;
const seen = { connections: 0, bytes: 0 };
beforeAll(async () => {
  victim = net.createServer((socket) => {
    seen.connections++;
    socket.on('data', (chunk) => (seen.bytes += chunk.length));
  });
  await new Promise<void>((resolve) => victim.listen(0, '127.0.0.1', resolve));
  port = (victim.address() as net.AddressInfo).port;
});
afterAll(() => victim.close());

const strictAgent = () =>
  new PushAgent({
    resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
    allowed: addressPolicy({ allowLoopback: false }),
    maxSockets: 4,
  });

const requestThrough = (agent: https.Agent, host: string) =>
  new Promise<NodeJS.ErrnoException>((resolve) => {
    https
      .request({ host, port, path: '/push', method: 'POST', agent }, () => resolve(new Error('answered')))
      .on('error', resolve)
      .end('payload');
  });

describe('PushAgent: where a push socket may go', () => {
  it('refuses an address given as the host before any connection (Node skips the lookup for one)', async () => {
    const before = { ...seen };
    const error = await requestThrough(strictAgent(), '127.0.0.1');
    expect(error.code).toBe(FORBIDDEN_ADDRESS);
    expect(seen).toEqual(before);
  });

  it('refuses a name whose DNS answer is not public, before any connection', async () => {
    const before = { ...seen };
    const error = await requestThrough(strictAgent(), 'push.example');
    expect(error.code).toBe(FORBIDDEN_ADDRESS);
    expect(seen).toEqual(before);
  });

  it('checks the connected socket’s own remote address, and closes it before the TLS handshake sends a byte', async () => {
    // A caller handing the agent its own lookup gets past the resolver check: the socket check still holds.
    const agent = strictAgent();
    const before = { ...seen };
    const socket = agent.createConnection({
      host: 'localhost',
      port,
      lookup: systemLookup,
      servername: 'localhost',
    }) as net.Socket;
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => socket.on('error', resolve));
    expect(error.code).toBe(FORBIDDEN_ADDRESS);
    expect(error.message).toContain('127.0.0.1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.connections).toBe(before.connections + 1);
    expect(seen.bytes).toBe(before.bytes);
  });

  it('connects where the policy allows (loopback behind the test switch)', async () => {
    const agent = new PushAgent({
      resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
      allowed: addressPolicy({ allowLoopback: true }),
      maxSockets: 4,
    });
    const before = seen.connections;
    const error = await Promise.race([
      requestThrough(agent, 'push.example'),
      new Promise<Error>((resolve) => setTimeout(() => resolve(new Error('still talking')), 300)),
    ]);
    expect(error.message).not.toContain('not an address');
    expect(seen.connections).toBe(before + 1);
    agent.destroy();
  });
});
