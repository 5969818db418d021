import type { Release } from '#common/catalog';
import type { ReleaseSummary } from '#common/catalog-page';
import { mediaUrlOn } from '#common/media-path';
import { mapReleaseFiles } from '#common/renditions';
import type { CatalogStore } from '../storage/catalog-store.js';

/**
 * The catalog as clients are sent it. The database keeps every media file as its path under
 * MEDIA_DIR (where the files are is deployment, not data); with MEDIA_BASE_URL set, each path a
 * client is sent becomes an absolute URL on that origin (a CDN), so the page, the SW and
 * Background Fetch fetch the files from there and never from this server.
 */
export function releaseOnMediaOrigin(release: Release, mediaOrigin: string): Release {
  const onOrigin = mapReleaseFiles(release, (file) => ({ ...file, url: mediaUrlOn(mediaOrigin, file.url) }));
  return { ...onOrigin, artwork: mediaUrlOn(mediaOrigin, release.artwork) };
}

export function summaryOnMediaOrigin(summary: ReleaseSummary, mediaOrigin: string): ReleaseSummary {
  const srcset = summary.artworkSrcset
    ?.split(', ')
    .map((entry) => mediaUrlOn(mediaOrigin, entry))
    .join(', ');
  return { ...summary, artwork: mediaUrlOn(mediaOrigin, summary.artwork), ...(srcset ? { artworkSrcset: srcset } : {}) };
}

/**
 * The store the public catalog routes read: every release and summary it returns has its media
 * on `mediaOrigin`. The store itself when there is none (media on this origin, nothing to change).
 * The media route and publishing keep the plain store: they work with paths.
 */
export function servedCatalog(store: CatalogStore, mediaOrigin: string | undefined): CatalogStore {
  if (!mediaOrigin) return store;
  const release = (r: Release): Release => releaseOnMediaOrigin(r, mediaOrigin);
  const overrides: Partial<CatalogStore> = {
    get: async (id) => {
      const found = await store.get(id);
      return found && release(found);
    },
    listReleases: async (query) => {
      const list = await store.listReleases(query);
      return { ...list, releases: list.releases.map((s) => summaryOnMediaOrigin(s, mediaOrigin)) };
    },
    changesSince: async (version, limit) => {
      const log = await store.changesSince(version, limit);
      return { ...log, changes: log.changes.map((c) => ({ ...c, release: c.release && release(c.release) })) };
    },
    newestBodies: async (max) =>
      (await store.newestBodies(max)).map((body) => JSON.stringify(release(JSON.parse(body) as Release))),
  };
  // A Proxy rather than a spread: the stores are classes whose methods need their own `this`.
  return new Proxy(store, {
    get(target, key) {
      const own = overrides[key as keyof CatalogStore];
      if (own) return own;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
