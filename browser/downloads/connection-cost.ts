/**
 * What the browser says about the connection, for "Download only on Wi-Fi or other unmetered
 * connections". Browsers differ: Chrome on Android gives the connection's type, desktop Chromium
 * only whether Data Saver is on, Firefox and Safari nothing at all (no `navigator.connection`).
 * Where the browser cannot tell, downloads start: Settings says so rather than pretend.
 */
export interface ConnectionFacts {
  readonly type?: string;
  readonly saveData?: boolean;
}

export type ConnectionCost = 'metered' | 'unmetered' | 'unknown';

/** What the browser can tell about the connection at all. */
export type ConnectionInsight = 'type' | 'data-saver' | 'nothing';

const UNMETERED_TYPES = ['wifi', 'ethernet', 'wimax'];

/** `navigator.connection` (Network Information API) where the browser has it, in a page or a worker. */
export function browserConnection(): (ConnectionFacts & EventTarget) | undefined {
  return (navigator as { connection?: ConnectionFacts & EventTarget }).connection;
}

/** Metered when the browser says cellular or Data Saver is on; unmetered on Wi-Fi or a cable. */
export function connectionCost(connection: ConnectionFacts | undefined): ConnectionCost {
  if (!connection) return 'unknown';
  if (connection.saveData === true || connection.type === 'cellular') return 'metered';
  return connection.type && UNMETERED_TYPES.includes(connection.type) ? 'unmetered' : 'unknown';
}

export function connectionInsight(connection: ConnectionFacts | undefined): ConnectionInsight {
  if (!connection) return 'nothing';
  return typeof connection.type === 'string' ? 'type' : 'data-saver';
}

/** Whether a download may start now under the person's "unmetered only" choice. */
export const connectionAllows = (unmeteredOnly: boolean, connection: ConnectionFacts | undefined): boolean =>
  !unmeteredOnly || connectionCost(connection) !== 'metered';
