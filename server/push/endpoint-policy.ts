/**
 * Which push endpoints the server will ever send to. web-push connects to whatever host an
 * endpoint names, so a subscription is an SSRF vector: only https on 443 to the known push
 * services, checked at subscribe time and again at send time. Loopback is allowed only behind
 * the test switch PUSH_ALLOW_LOOPBACK, for the local push-service fixture.
 */
export const PUSH_SERVICE_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  'updates.push.services.mozilla.com',
  'push.services.mozilla.com',
  '*.push.apple.com',
  '*.notify.windows.com',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type EndpointVerdict = { ok: true; url: URL } | { ok: false; reason: string };

export function checkPushEndpoint(endpoint: string, options: { allowLoopback: boolean }): EndpointVerdict {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: 'the endpoint is not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'the endpoint must not carry credentials' };
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:') return { ok: false, reason: 'the endpoint must use https' };
  if (options.allowLoopback && LOOPBACK_HOSTS.has(host)) return { ok: true, url }; // any port: the test fixture's
  if (url.port !== '' && url.port !== '443') return { ok: false, reason: 'the endpoint must use port 443' };
  if (!PUSH_SERVICE_HOSTS.some((pattern) => hostMatches(host, pattern))) {
    return { ok: false, reason: `${host} is not a known push service` };
  }
  return { ok: true, url };
}

function hostMatches(host: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const suffix = pattern.slice(1); // ".push.apple.com"
  return host.endsWith(suffix) && host.length > suffix.length && !host.slice(0, -suffix.length).includes('..');
}

/** For logs: the push service and a short tail, never the full capability URL. */
export function redactEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.host}/…${url.pathname.slice(-6)}`;
  } catch {
    return '(invalid endpoint)';
  }
}
