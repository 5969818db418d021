import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { forbiddenAddressError, publicOnlyLookup, type AddressPolicy, type ResolveHost } from './endpoint-address.js';

export interface PushAgentOptions {
  readonly resolveHost: ResolveHost;
  /** Where sockets may go: addressPolicy() (public, loopback behind the test switch). */
  readonly allowed: AddressPolicy;
  /** Connections per push service (host and port). */
  readonly maxSockets: number;
}

/**
 * The connection pool every alert goes through: keep-alive, one pool per push service, and three
 * checks of where a socket goes. The lookup refuses a name with any non-public address; an address
 * given as the host is refused before any connection (Node never calls the lookup for one); and
 * the connected socket's own remote address is checked before the TLS handshake starts, so nothing
 * (not a VAPID header, not even a ClientHello) reaches an address that got past the first two.
 */
export class PushAgent extends https.Agent {
  readonly #allowed: (address: string | undefined) => boolean;

  constructor(options: PushAgentOptions) {
    super({ keepAlive: true, maxSockets: options.maxSockets, lookup: publicOnlyLookup(options.resolveHost, options.allowed) });
    this.#allowed = (address) => address !== undefined && options.allowed(address);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const host = options.host ?? options.hostname ?? '';
    if (isIP(host) && !this.#allowed(host)) {
      callback?.(forbiddenAddressError(host), undefined as unknown as Duplex);
      return undefined;
    }
    const socket = super.createConnection(options, callback) as Socket;
    // Prepended: it runs before tls.connect's own 'connect' listener starts the handshake.
    socket.prependOnceListener('connect', () => {
      if (!this.#allowed(socket.remoteAddress))
        socket.destroy(forbiddenAddressError(`${host} connected to ${socket.remoteAddress}`));
    });
    return socket;
  }
}
