import { Store } from './store.js';

const KEY = 'stowaway:offline-mode';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * Settings → "Offline mode": only downloads play and nothing streams, on purpose (to save data,
 * or to check what works on a plane), as Spotify's switch does. Kept per device.
 */
export const offlineMode = new Store<boolean>(read());

export function setOfflineMode(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // not kept across a reload, but it still applies now
  }
  offlineMode.set(on);
}
