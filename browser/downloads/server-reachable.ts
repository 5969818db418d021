import { API } from '#common/routes';

/**
 * Whether the server answers now. `navigator.onLine` misses the common case of a network that is up
 * while the server is not, so a download is started only after a cheap request gets through: a
 * download asked for meanwhile waits as "Waiting for network" instead of showing a fake 0%.
 */
export async function serverReachable(timeoutMs = 5000): Promise<boolean> {
  if (navigator.onLine === false) return false;
  try {
    const response = await fetch(API.health, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}
