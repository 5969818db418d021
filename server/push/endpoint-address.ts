import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Every address a host name resolves to, with the DNS TTL (seconds) where known. Injected in tests;
 * the push resolver (push-resolver.ts: cached, with its own timeout) otherwise.
 */
export type ResolveHost = (host: string) => Promise<readonly ResolvedAddress[]>;

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
  readonly ttl?: number;
}

/**
 * Only globally routable unicast addresses: no loopback, private (RFC 1918, ULA), link-local
 * (the cloud metadata address), CGNAT, multicast or reserved, also when wrapped as IPv4-mapped
 * IPv6. ipaddr.js keeps the IANA special-purpose tables, so we do not.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

function isLoopbackAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback';
}

/** Whether the server may open a connection to an address. */
export type AddressPolicy = (address: string) => boolean;

/** Public addresses; loopback too only behind the test switch. */
export function addressPolicy(options: { allowLoopback: boolean }): AddressPolicy {
  return (address) => isPublicAddress(address) || (options.allowLoopback && isLoopbackAddress(address));
}

/** The first of a DNS answer's addresses the server must not connect to, if any. */
function forbiddenAmong(addresses: readonly { address: string }[], allowed: AddressPolicy): string | undefined {
  if (addresses.length === 0) return '(no address)';
  return addresses.find(({ address }) => !allowed(address))?.address;
}

/** The first address of `host` the server must not connect to, if any. */
export async function forbiddenAddressOf(
  host: string,
  resolve: ResolveHost,
  options: { allowLoopback: boolean },
): Promise<string | undefined> {
  return forbiddenAmong(await resolve(host), addressPolicy(options));
}

/**
 * A `lookup` for the push agents: the allowlist names hosts, but DNS decides where a socket goes,
 * so the check that matters is here, at connect time, on the very addresses the socket will use
 * (a host that resolved to a public address at subscribe time may not any more).
 */
export function publicOnlyLookup(resolve: ResolveHost, allowed: AddressPolicy): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolve(hostname)
      .then((addresses) => {
        const forbidden = forbiddenAmong(addresses, allowed);
        if (forbidden !== undefined) throw forbiddenAddressError(`${hostname} resolves to ${forbidden}`);
        const usable = addresses.filter((a) => !lookupOptions.family || a.family === lookupOptions.family);
        const first = usable[0];
        if (!first) throw Object.assign(new Error(`${hostname} has no address of the family asked`), { code: 'ENOTFOUND' });
        if (lookupOptions.all)
          callback(
            null,
            usable.map((a) => ({ address: a.address, family: a.family })),
          );
        else callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

/** The error every refused connection fails with; the sender does not retry it. */
export function forbiddenAddressError(what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${what}, which is not an address push alerts may go to`), { code: FORBIDDEN_ADDRESS });
}

export const FORBIDDEN_ADDRESS = 'EFORBIDDENADDRESS';
