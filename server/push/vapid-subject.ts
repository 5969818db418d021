import { isIP } from 'node:net';

/** Names reserved for documentation and testing (RFC 2606, RFC 6761): nobody reads mail there. */
const RESERVED_SUFFIXES = ['.invalid', '.test', '.example', '.localhost', '.local', '.internal'];
const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org', 'localhost'];

/**
 * Whether a VAPID subject is a placeholder rather than a contact: its domain is reserved or a bare
 * address. Apple's push service answers BadJwtToken to such a subject (the default
 * `mailto:operator@stowaway.invalid` included), so the server sends no alert with one.
 */
export function isPlaceholderVapidSubject(subject: string): boolean {
  const domain = subject.startsWith('mailto:') ? subject.slice(subject.lastIndexOf('@') + 1) : hostOf(subject);
  const name = domain.toLowerCase().replace(/\.$/, '');
  if (name === '' || isIP(name.replace(/^\[|\]$/g, ''))) return true;
  if (RESERVED_DOMAINS.some((reserved) => name === reserved || name.endsWith(`.${reserved}`))) return true;
  return RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
