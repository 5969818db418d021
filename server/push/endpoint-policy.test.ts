import { describe, expect, it } from 'vitest';
import { checkPushEndpoint, redactEndpoint } from './endpoint-policy.js';

const strict = { allowLoopback: false };
const fixture = { allowLoopback: true };

describe('checkPushEndpoint', () => {
  it.each([
    'https://fcm.googleapis.com/fcm/send/x',
    'https://updates.push.services.mozilla.com/wpush/v2/x',
    'https://web.push.apple.com/QX',
    'https://wns2-by3p.notify.windows.com/w/?token=x',
    'https://fcm.googleapis.com:443/fcm/send/x',
  ])('allows %s', (endpoint) => expect(checkPushEndpoint(endpoint, strict).ok).toBe(true));

  it.each([
    ['http', 'http://fcm.googleapis.com/x'],
    ['loopback', 'https://127.0.0.1/x'],
    ['localhost', 'https://localhost:8443/x'],
    ['IPv6 loopback', 'https://[::1]/x'],
    ['0.0.0.0', 'https://0.0.0.0/x'],
    ['[::]', 'https://[::]/x'],
    ['link-local', 'https://169.254.169.254/x'],
    ['a private range', 'https://192.168.1.1/x'],
    ['another port', 'https://fcm.googleapis.com:444/x'],
    ['a bare suffix', 'https://push.apple.com/x'],
    ['a suffix trick', 'https://evilpush.apple.com/x'],
    ['a look-alike', 'https://fcm.googleapis.com.evil.example/x'],
    ['credentials', 'https://a:b@fcm.googleapis.com/x'],
    ['not a URL', 'fcm.googleapis.com/x'],
    ['javascript:', 'javascript:alert(1)'],
    // Hosts that WHATWG URL and web-push's legacy url.parse read differently.
    ['a ; split (legacy: 127.0.0.1)', 'https://127.0.0.1;x.push.apple.com/p'],
    ['a ; split to any host', 'https://attacker.example;x.push.apple.com/p'],
    ['a " split', 'https://127.0.0.1"x.push.apple.com/p'],
    ["a ' split", "https://127.0.0.1'x.push.apple.com/p"],
    ['a ` split', 'https://127.0.0.1`x.push.apple.com/p'],
    ['a { split', 'https://127.0.0.1{x.push.apple.com/p'],
    ['a } split', 'https://127.0.0.1}x.push.apple.com/p'],
    ['a backslash', 'https://fcm.googleapis.com\\@127.0.0.1/x'],
    ['a percent-encoded host', 'https://fcm.googleapis.com%2e/x'],
    ['a trailing dot', 'https://fcm.googleapis.com./x'],
    ['an empty label', 'https://a..push.apple.com/x'],
    ['a space', 'https://fcm.googleapis.com/a b'],
    ['a tab', 'https://fcm.googleapis.com/a\tb'],
    ['a fragment', 'https://fcm.googleapis.com/x#y'],
    ['an IPv4 literal under a wildcard-looking path', 'https://8.8.8.8/x.push.apple.com'],
    ['an IPv4 literal in hex', 'https://0x7f.1/x'],
    ['an IPv6 literal', 'https://[2607:f8b0::5]/x'],
  ])('refuses %s', (_name, endpoint) => expect(checkPushEndpoint(endpoint, strict).ok).toBe(false));

  it('gives the normalised URL to store and send: lower-case host, no default port', () => {
    expect(checkPushEndpoint('https://FCM.googleapis.com:443/fcm/send/AbC?x=1', strict)).toEqual({
      ok: true,
      href: 'https://fcm.googleapis.com/fcm/send/AbC?x=1',
      host: 'fcm.googleapis.com',
      origin: 'https://fcm.googleapis.com',
    });
  });

  it('allows https loopback only behind the test switch, and never plain http', () => {
    expect(checkPushEndpoint('https://127.0.0.1:9443/push/1', fixture).ok).toBe(true);
    expect(checkPushEndpoint('https://localhost:9443/push/1', fixture).ok).toBe(true);
    expect(checkPushEndpoint('http://127.0.0.1:9443/push/1', fixture).ok).toBe(false);
    expect(checkPushEndpoint('https://10.0.0.1/push/1', fixture).ok).toBe(false);
  });
});

describe('redactEndpoint', () => {
  it('keeps the host and a short tail only', () => {
    const redacted = redactEndpoint('https://fcm.googleapis.com/fcm/send/SECRET-CAPABILITY-abcdef');
    expect(redacted).toBe('fcm.googleapis.com/…abcdef');
    expect(redacted).not.toContain('SECRET');
  });
});
