import { Store } from './store.js';

/** A short sentence confirming an action that changes nothing on screen ("Added to queue"). */
export const toast = new Store<{ readonly text: string; readonly at: number } | undefined>(undefined);

let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(text: string): void {
  toast.set({ text, at: Date.now() });
  clearTimeout(timer);
  timer = setTimeout(() => toast.set(undefined), 4000);
}
