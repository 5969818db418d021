import path from 'node:path';
import { isMediaOrigin } from '#common/media-path';
import { ConfigError } from './config-error.js';

export interface Config {
  readonly port: number;
  /** Undefined listens on every interface, as Node does by default. */
  readonly host: string | undefined;
  readonly dataDir: string;
  /** postgres://… puts the data in PostgreSQL; undefined keeps it in DATA_DIR/stowaway.db (SQLite). */
  readonly databaseUrl: string | undefined;
  readonly mediaDir: string;
  readonly clientDir: string;
  readonly adminToken: string | undefined;
  readonly vapidSubject: string;
  readonly publicUrl: string | undefined;
  /** MEDIA_BASE_URL's origin: clients fetch /media/ files there (a CDN); undefined fetches them here. */
  readonly mediaOrigin: string | undefined;
  /** Test-only: lets subscriptions point at a push service on loopback. Off unless PUSH_ALLOW_LOOPBACK=1. */
  readonly pushAllowLoopback: boolean;
  /** Writes (subscribe, unsubscribe, offline actions) one client address may make a minute; 0 turns the limit off. */
  readonly writeRateLimit: number;
  /** How long one request to a push service may take (milliseconds) before it is retried. */
  readonly pushTimeoutMs: number;
  /** How long a client may take to send a whole request, headers and body (not the response). */
  readonly requestTimeoutMs: number;
  /** Open connections at most; more are closed as they arrive. */
  readonly maxConnections: number;
  /** Whether this server also sends the alerts (WORK_ALERTS=1, the default) or leaves them to `npm run worker`. */
  readonly workAlerts: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and checks the environment; throws ConfigError naming the variable and what is wrong. */
export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const fail = (name: string, rule: string, value: string): never => {
    throw new ConfigError(`${name} ${rule} (got "${value}")`);
  };

  const portText = read('PORT') ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) fail('PORT', 'must be a whole number from 0 to 65535', portText);

  const adminToken = read('ADMIN_TOKEN');
  if (adminToken !== undefined && (adminToken.length < 16 || /\s/.test(adminToken))) {
    fail('ADMIN_TOKEN', 'must be at least 16 characters with no spaces', '<hidden>');
  }

  const vapidSubject = read('VAPID_SUBJECT') ?? 'mailto:operator@stowaway.invalid';
  if (!/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(vapidSubject)) {
    fail('VAPID_SUBJECT', 'must be a mailto: address or an https:// URL', vapidSubject);
  }

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    fail('DATABASE_URL', 'must be a postgres:// URL (leave it unset to keep the data in DATA_DIR with SQLite)', '<hidden>');
  }

  const publicUrl = read('PUBLIC_URL');
  if (publicUrl !== undefined && !isHttpUrl(publicUrl)) fail('PUBLIC_URL', 'must be an http:// or https:// URL', publicUrl);

  const mediaBase = read('MEDIA_BASE_URL');
  const mediaOrigin = mediaBase === undefined ? undefined : originOf(mediaBase);
  if (mediaBase !== undefined && mediaOrigin === undefined) {
    fail('MEDIA_BASE_URL', 'must be an http:// or https:// origin that serves /media/ (https://cdn.example, no path)', mediaBase);
  }

  const allowLoopback = read('PUSH_ALLOW_LOOPBACK') ?? '0';
  if (allowLoopback !== '0' && allowLoopback !== '1') fail('PUSH_ALLOW_LOOPBACK', 'must be 0 or 1', allowLoopback);

  const rateText = read('WRITE_RATE_LIMIT') ?? '120';
  if (!/^\d+$/.test(rateText)) fail('WRITE_RATE_LIMIT', 'must be a whole number of writes a minute (0 turns it off)', rateText);

  const pushTimeoutText = read('PUSH_TIMEOUT_MS') ?? '10000';
  const pushTimeoutMs = Number(pushTimeoutText);
  if (!/^\d+$/.test(pushTimeoutText) || pushTimeoutMs < 100 || pushTimeoutMs > 120_000) {
    fail('PUSH_TIMEOUT_MS', 'must be a whole number of milliseconds from 100 to 120000', pushTimeoutText);
  }

  const requestTimeoutText = read('REQUEST_TIMEOUT_MS') ?? '30000';
  const requestTimeoutMs = Number(requestTimeoutText);
  if (!/^\d+$/.test(requestTimeoutText) || requestTimeoutMs < 100 || requestTimeoutMs > 600_000) {
    fail('REQUEST_TIMEOUT_MS', 'must be a whole number of milliseconds from 100 to 600000', requestTimeoutText);
  }

  const connectionsText = read('MAX_CONNECTIONS') ?? '1000';
  const maxConnections = Number(connectionsText);
  if (!/^\d+$/.test(connectionsText) || maxConnections < 1)
    fail('MAX_CONNECTIONS', 'must be a whole number from 1', connectionsText);

  const workAlerts = read('WORK_ALERTS') ?? '1';
  if (workAlerts !== '0' && workAlerts !== '1') {
    fail('WORK_ALERTS', 'must be 1 (this server sends alerts too) or 0 (only `npm run worker` processes send them)', workAlerts);
  }

  return {
    port,
    host: read('HOST'),
    dataDir: path.resolve(cwd, read('DATA_DIR') ?? 'data'),
    databaseUrl,
    mediaDir: path.resolve(cwd, read('MEDIA_DIR') ?? 'media'),
    clientDir: path.resolve(cwd, read('CLIENT_DIR') ?? 'dist'),
    adminToken,
    vapidSubject,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    mediaOrigin,
    pushAllowLoopback: allowLoopback === '1',
    writeRateLimit: Number(rateText),
    pushTimeoutMs,
    requestTimeoutMs,
    maxConnections,
    workAlerts: workAlerts === '1',
  };
}

/** The origin a media base URL names, as browsers write it; undefined when it has more than an origin. */
function originOf(text: string): string | undefined {
  try {
    const url = new URL(text);
    const plain = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return plain && isMediaOrigin(url.origin) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
