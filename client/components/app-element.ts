import { LitElement } from 'lit';

/** `scheduler.yield()` where the browser has it (Chromium; not yet in every engine), else a new task. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * What every component extends: a LitElement whose first render waits for a task of its own.
 *
 * Lit renders each update in a microtask, so a new tree of components (the app opening, a page
 * shown for the first time) rendered in one long task: under Lighthouse's phone preset (4× slower
 * CPU) the first screen was one ~1 s task that no tap or paint could get into (Total Blocking
 * Time 406 ms, Performance 88). Yielding before each component's first render cuts it into a task
 * per component, the browser paints and answers input between them, and the screen still fills
 * within a frame or two (`npm run lighthouse`: TBT 406 → about 250 ms, Performance 88 → 92.5 as the
 * median of ten invocations on a 2-core machine). Updates after the first
 * stay microtasks, so a click's answer is never a task late. `updateComplete` waits for the yield.
 */
export class AppElement extends LitElement {
  /**
   * False for small elements that come into view as the person scrolls (the virtual grid's cards):
   * those render with the list that made them, never blank for a frame, nor missing under a tap.
   */
  static yieldsBeforeFirstRender = true;

  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && (this.constructor as typeof AppElement).yieldsBeforeFirstRender) await nextTask();
    super.scheduleUpdate();
  }
}
