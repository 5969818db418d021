/**
 * The pages that are not in the app's entry script: each loads when first opened, and all of them
 * once the first screen has rendered and the browser is idle, so a tap on them is not a network
 * round trip even on a first visit. The SW precaches them with the rest of the app, so they open
 * offline too. The library (the first screen) and a release (the usual next tap) stay in the entry.
 *
 * Why: the entry is what every start parses and runs before the library shows; these pages were a
 * third of its code and none of it runs at start (Lighthouse's unused-JavaScript audit).
 */
const LOADERS = {
  'artist-view': () => import('./artist-view.js'),
  'downloads-view': () => import('./downloads-view.js'),
  'now-playing-view': () => import('./now-playing-view.js'),
  'settings-view': () => import('./settings-view.js'),
} as const;

export type LazyPageTag = keyof typeof LOADERS;

const loading = new Map<LazyPageTag, Promise<void>>();

/**
 * Loads a page's module (once; a failed load is tried again on the next call, so a retry after a
 * dropped network works). Resolves when its element is defined.
 */
export function loadPage(tag: LazyPageTag): Promise<void> {
  let load = loading.get(tag);
  if (!load) {
    load = LOADERS[tag]().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        throw error;
      },
    );
    loading.set(tag, load);
  }
  return load;
}

/** Loads every page when the browser has nothing else to do; a page that fails loads when opened. */
export function preloadPagesWhenIdle(): void {
  const all = () => {
    for (const tag of Object.keys(LOADERS) as LazyPageTag[]) loadPage(tag).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(all, { timeout: 5000 });
  else setTimeout(all, 2000);
}

export const isLazyPage = (tag: string): tag is LazyPageTag => Object.hasOwn(LOADERS, tag);
