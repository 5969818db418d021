import { createServer, type RequestListener, type Server } from 'node:http';

export interface ListenOptions {
  readonly port: number;
  readonly host: string | undefined;
  /** The whole request, headers and body, must arrive within this (the response is not limited). */
  readonly requestTimeoutMs: number;
  readonly maxConnections: number;
}

/** Headers must arrive within this, or within the request timeout when that is shorter. */
const HEADERS_TIMEOUT_MS = 10_000;
/**
 * A connection on which nothing moves either way for this long is closed: a client that stops
 * reading a response holds a socket and a file open otherwise. A paused player's connection goes
 * too, and the player asks again with a Range when it resumes.
 */
const IDLE_TIMEOUT_MS = 120_000;

/**
 * The HTTP server for the app, with limits for slow and numerous clients. Node waits 300 s for a
 * request by default and checks its timeouts only every 30 s; both are tightened here. A media
 * response can stream for as long as it needs: the request timeout ends once the request is in.
 */
export async function listen(app: RequestListener, options: ListenOptions): Promise<Server> {
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, options.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(1000, Math.ceil(options.requestTimeoutMs / 4)),
    },
    app,
  );
  server.timeout = IDLE_TIMEOUT_MS;
  server.maxConnections = options.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
