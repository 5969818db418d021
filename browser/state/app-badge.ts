import { appState } from './app-state.js';

/** Sets the app icon's badge to the number of unseen new releases (where the browser has badges). */
export async function updateAppBadge(unseen: string[]): Promise<void> {
  await appState.setUnseenReleaseIds(unseen);
  // Typed structurally: the page (DOM) and the SW (WebWorker) both call this.
  const nav = navigator as unknown as { setAppBadge?: (n?: number) => Promise<void>; clearAppBadge?: () => Promise<void> };
  try {
    if (unseen.length > 0) await nav.setAppBadge?.(unseen.length);
    else await nav.clearAppBadge?.();
  } catch {
    // badges are a nicety: a browser may refuse them (not installed, or not supported)
  }
}

export async function markReleasesUnseen(ids: readonly string[]): Promise<void> {
  const unseen = new Set(await appState.unseenReleaseIds());
  for (const id of ids) unseen.add(id);
  await updateAppBadge([...unseen]);
}

export async function markReleaseSeen(id?: string): Promise<void> {
  await updateAppBadge(id ? (await appState.unseenReleaseIds()).filter((x) => x !== id) : []);
}
