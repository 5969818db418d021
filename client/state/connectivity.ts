import { API } from '#common/routes';
import { Store } from './store.js';

/**
 * Whether the server can be reached. `navigator.onLine` misses the common case of a network that
 * is up while the server is not, so a request that fails (or that the SW answered from its cache)
 * also counts as offline until a later request gets through.
 */
export const serverReachable = new Store<boolean>(navigator.onLine);

export function reportServerReachable(reachable: boolean): void {
  if (serverReachable.value !== reachable) serverReachable.set(reachable);
}

let probe: ReturnType<typeof setInterval> | undefined;

/**
 * Starts watching: browser events, plus a cheap probe every 10 s while the server is away (a
 * download waiting for the network starts on the first probe that gets through).
 */
export function watchConnectivity(onBack: () => void): void {
  window.addEventListener('offline', () => reportServerReachable(false));
  window.addEventListener('online', () => void check());
  serverReachable.subscribe((reachable) => {
    if (reachable) {
      clearInterval(probe);
      probe = undefined;
      onBack();
    } else if (!probe) {
      probe = setInterval(() => void check(), 10_000);
    }
  });
}

async function check(): Promise<void> {
  try {
    const res = await fetch(API.health, { cache: 'no-store' });
    reportServerReachable(res.ok);
  } catch {
    reportServerReachable(false);
  }
}
