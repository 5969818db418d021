import { Store } from './store.js';

/** A short sentence confirming an action that changes nothing on screen ("Added to queue"). */
export const toast = new Store<string | undefined>(undefined);

let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(text: string, shownMs = 4000): void {
  toast.set(text);
  clearTimeout(timer);
  timer = setTimeout(() => toast.set(undefined), shownMs);
}
