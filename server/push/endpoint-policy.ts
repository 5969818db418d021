import { parse as legacyParse } from 'node:url';

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

/** Letters, digits and inner hyphens per label, at least two labels, no trailing dot: nothing else. */
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
/** Printable ASCII with no space, backslash or quote: what a push service's URL is made of. */
const ENDPOINT_CHARACTERS = /^[!#-&(-[\]-~]+$/;

export interface PushEndpoint {
  /** The normalised URL: what is stored, what is sent to, what web-push's own parse reads alike. */
  readonly href: string;
  readonly host: string;
  /** The VAPID audience. */
  readonly origin: string;
}

export type EndpointVerdict = ({ ok: true } & PushEndpoint) | { ok: false; reason: string };

/**
 * The one parse of an endpoint. web-push sends with the legacy `url.parse`, which reads some hosts
 * differently from WHATWG `URL` (`https://127.0.0.1;x.push.apple.com/` is 127.0.0.1 to one and a
 * push.apple.com name to the other), so an endpoint is accepted only when its host is a plain DNS
 * name on the allowlist and both parsers agree on host, port and path, for the string given and
 * for the normalised one that is stored and sent.
 */
export function checkPushEndpoint(endpoint: string, options: { allowLoopback: boolean }): EndpointVerdict {
  if (!ENDPOINT_CHARACTERS.test(endpoint)) return { ok: false, reason: 'the endpoint has characters a URL must not have' };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: 'the endpoint is not a URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'the endpoint must use https' };
  if (url.username || url.password) return { ok: false, reason: 'the endpoint must not carry credentials' };
  if (url.hash) return { ok: false, reason: 'the endpoint must not have a fragment' };
  const host = url.hostname;
  const loopback = options.allowLoopback && LOOPBACK_HOSTS.has(host);
  if (!loopback) {
    if (!DNS_NAME.test(host)) return { ok: false, reason: 'the endpoint host must be a plain DNS name' };
    if (url.port !== '') return { ok: false, reason: 'the endpoint must use port 443' };
    if (!PUSH_SERVICE_HOSTS.some((pattern) => hostMatches(host, pattern))) {
      return { ok: false, reason: `${host} is not a known push service` };
    }
  }
  if (!parsersAgree(endpoint, url) || !parsersAgree(url.href, url)) {
    return { ok: false, reason: 'the endpoint reads differently to different URL parsers' };
  }
  return { ok: true, href: url.href, host, origin: url.origin };
}

/** What web-push will connect to, read its way, is what the checks above looked at. */
function parsersAgree(text: string, url: URL): boolean {
  const legacy = legacyParse(text);
  const legacyHost = legacy.hostname?.includes(':') ? `[${legacy.hostname}]` : legacy.hostname;
  return (
    legacy.protocol === 'https:' &&
    legacy.auth === null &&
    legacyHost === url.hostname &&
    (legacy.port ?? '443') === (url.port || '443') &&
    legacy.path === `${url.pathname}${url.search}`
  );
}

function hostMatches(host: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const suffix = pattern.slice(1); // ".push.apple.com"
  return host.endsWith(suffix) && host.length > suffix.length;
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
