/**
 * Space plays and pauses, ← and → seek, wherever focus is outside a text field, as in every
 * media app. A button or link reached with the keyboard keeps Space for itself (that is how a
 * keyboard user presses it); one focused by a click or a tap gives Space to the player, so "click
 * Play, press Space to pause" works. (":focus-visible" cannot tell: a key press turns it on.)
 */
export interface KeyboardTarget {
  readonly togglePlay: () => void;
  readonly seekBy: (seconds: number) => void;
}

export const KEYBOARD_SEEK_SECONDS = 10;

let fallback: KeyboardTarget | undefined;
const overrides: KeyboardTarget[] = [];

/** The film player takes the keys while it is open; the returned function gives them back. */
export function takeKeyboard(target: KeyboardTarget): () => void {
  overrides.push(target);
  return () => {
    const at = overrides.indexOf(target);
    if (at >= 0) overrides.splice(at, 1);
  };
}

const TEXT_INPUT = /^(text|search|email|number|password|tel|url|date|time|datetime-local|month|week)$/;

function keepsKey(element: Element | undefined, key: string): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) {
    if (TEXT_INPUT.test(element.type)) return true;
    if (element.type === 'range') return key !== ' '; // arrows move the slider
  }
  return key === ' ' && isPressable(element) && lastFocusBy === 'keyboard';
}

/** How focus last moved: a pointer press, or Tab. */
let lastFocusBy: 'pointer' | 'keyboard' = 'pointer';

/** Elements that Space presses (a range slider is not one: Space means nothing to it). */
const isPressable = (element: Element) =>
  element.matches('button, a[href], summary, input:not([type="range"]), [role="button"], [role="menuitem"], [role="switch"]');

export function installKeyboardShortcuts(target: KeyboardTarget): void {
  fallback = target;
  const handle = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== ' ' && event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const focused = event.composedPath()[0] as Element | undefined;
    if (keepsKey(focused, event.key)) return;
    const to = overrides.at(-1) ?? fallback;
    if (!to) return;
    event.preventDefault();
    if (event.key === ' ') {
      // A mouse-focused button would still be clicked by the Space key's keyup: it lets go of focus.
      if (focused instanceof HTMLElement && isPressable(focused)) focused.blur();
      to.togglePlay();
    } else {
      to.seekBy(event.key === 'ArrowLeft' ? -KEYBOARD_SEEK_SECONDS : KEYBOARD_SEEK_SECONDS);
    }
  };
  document.addEventListener('pointerdown', () => (lastFocusBy = 'pointer'), { capture: true });
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Tab') lastFocusBy = 'keyboard';
    },
    { capture: true },
  );
  document.addEventListener('keydown', handle);
}
