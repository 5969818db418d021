import type { Duplex } from 'node:stream';
import type { RequestOptions } from 'node:https';
import net from 'node:net';
import { parse as legacyParse } from 'node:url';
import fc from 'fast-check';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolveHost } from './endpoint-address.js';
import { checkPushEndpoint, PUSH_SERVICE_HOSTS } from './endpoint-policy.js';
import { PushAgent } from './push-agent.js';

/**
 * No endpoint accepted at subscribe time connects anywhere but a public address of an allowlisted
 * host, whichever way the host is read: by WHATWG URL (the policy), by the legacy url.parse
 * (web-push's own), by the resolver (what the socket looks up) and by the socket's remote address.
 *
 * Real sockets, no network: two listeners on one free port of loopback. 127.0.0.2 stands for "a
 * public address of the push service" (the only address the agent's policy allows here) and
 * 127.0.0.1 for everything else. The fake resolver answers with either or both; the agent is sent
 * to that port instead of 443 (binding 443 needs privileges).
 */
const PUBLIC = '127.0.0.2';
const VICTIM = '127.0.0.1';

interface Listener {
  server: net.Server;
  connections: string[];
}
const listeners: Record<string, Listener> = {};
let port = 0;

function listen(host: string, onPort = 0): Promise<Listener> {
  const listener: Listener = { server: net.createServer(), connections: [] };
  listener.server.on('connection', (socket) => {
    listener.connections.push(socket.localAddress ?? '');
    socket.destroy();
  });
  return new Promise((resolve) => listener.server.listen(onPort, host, () => resolve(listener)));
}

beforeAll(async () => {
  listeners[PUBLIC] = await listen(PUBLIC);
  port = (listeners[PUBLIC].server.address() as net.AddressInfo).port;
  listeners[VICTIM] = await listen(VICTIM, port);
});
afterAll(() => Object.values(listeners).forEach(({ server }) => server.close()));

class LoopbackPortAgent extends PushAgent {
  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void) {
    return super.createConnection({ ...options, port }, callback);
  }
}

const allowlisted = (host: string) =>
  PUSH_SERVICE_HOSTS.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p));

const pushHost = fc.constantFrom(
  'fcm.googleapis.com',
  'web.push.apple.com',
  'x.push.apple.com',
  'wns2-by3p.notify.windows.com',
  'updates.push.services.mozilla.com',
);
const otherHost = fc.constantFrom(
  '127.0.0.1',
  '10.0.0.1',
  '169.254.169.254',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '0x7f.1',
  '2130706433',
  'localhost',
  'attacker.example',
  '',
);
const separator = fc.constantFrom(
  ';',
  '"',
  "'",
  '`',
  '{',
  '}',
  '@',
  '#',
  '?',
  '/',
  '\\',
  '%',
  ':',
  '|',
  '^',
  '<',
  '>',
  ' ',
  '\t',
  '.',
  '%2e',
  '%40',
);
const host = fc.oneof(
  { arbitrary: pushHost, weight: 4 },
  otherHost,
  fc.tuple(otherHost, separator, pushHost).map((p) => p.join('')),
  fc.tuple(pushHost, separator, otherHost).map((p) => p.join('')),
  fc.tuple(otherHost, separator, fc.constantFrom('x.', 'a.b.'), pushHost).map((p) => p.join('')),
);
/** Mostly the usual, sometimes odd: an endpoint that fails on every part at once tests nothing. */
const usually = (usual: readonly string[], odd: readonly string[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 4 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
const endpoint = fc
  .tuple(
    usually(['https://'], ['HTTPS://', 'https:/', 'https:\\\\', 'https:', 'http://', '//']),
    usually([''], ['user@', 'a:b@', `${VICTIM}@`]),
    host,
    usually(['', ':443'], [':444', ':0443', ':8443', ':']),
    usually(['/p', '/fcm/send/abc-DEF_1', '/wpush/v2/x?y=1'], ['', '/', '/p#f', '/a;b', '/%2e%2e/x', '/a b', '/{x}']),
  )
  .map((parts) => parts.join(''));
const dnsAnswer = fc.constantFrom([PUBLIC], [VICTIM], [PUBLIC, VICTIM], ['10.0.0.1'], [] as string[]);

describe('push endpoints, property: where an accepted endpoint can connect', () => {
  it('only ever to an allowed address of the host every parser reads, and nowhere for any refused one', async () => {
    const keys = { p256dh: webpush.generateVAPIDKeys().publicKey, auth: 'tBHItJI5svbpez7KI4CCXg' };
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(endpoint, dnsAnswer, async (raw, answer) => {
        const verdict = checkPushEndpoint(raw, { allowLoopback: false });
        if (!verdict.ok) return; // refused at subscribe time: nothing is stored, nothing is sent
        accepted++;

        const whatwg = new URL(verdict.href);
        const legacy = legacyParse(verdict.href);
        expect(legacy.hostname).toBe(whatwg.hostname);
        expect(legacy.hostname).toBe(verdict.host);
        expect(allowlisted(verdict.host)).toBe(true);
        expect([legacy.port ?? '443', whatwg.port || '443']).toEqual(['443', '443']);

        const asked: string[] = [];
        const resolveHost: ResolveHost = async (name) => {
          asked.push(name);
          return answer.map((address) => ({ address, family: 4 }));
        };
        const agent = new LoopbackPortAgent({ resolveHost, allowed: (a) => a === PUBLIC, maxSockets: 1 });
        const before = { public: listeners[PUBLIC]?.connections.length ?? 0, victim: listeners[VICTIM]?.connections.length };
        await webpush
          .sendNotification({ endpoint: verdict.href, keys }, undefined, {
            vapidDetails: null as unknown as undefined,
            timeout: 2000,
            agent,
          })
          .catch(() => undefined);
        agent.destroy();

        expect(asked).toEqual([verdict.host]);
        expect(listeners[VICTIM]?.connections.length).toBe(before.victim);
        const reachedPublic = (listeners[PUBLIC]?.connections.length ?? 0) - before.public;
        expect(reachedPublic).toBe(answer.length > 0 && answer.every((a) => a === PUBLIC) ? 1 : 0);
      }),
      { numRuns: 400 },
    );
    // The generator must reach the sending path often, or the property says little.
    expect(accepted).toBeGreaterThan(40);
  });

  it('finds the host split that fooled the old check, and refuses it', () => {
    // WHATWG reads a push.apple.com name; web-push's url.parse reads 127.0.0.1.
    const raw = 'https://127.0.0.1;x.push.apple.com/p';
    expect(new URL(raw).hostname).toBe('127.0.0.1;x.push.apple.com');
    expect(legacyParse(raw).hostname).toBe('127.0.0.1');
    expect(checkPushEndpoint(raw, { allowLoopback: false }).ok).toBe(false);
  });
});
