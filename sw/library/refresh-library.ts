import type { Release } from '#common/catalog';
import { CHANGES_SINCE_LATEST, catalogChangesSchema, type CatalogChanges } from '#common/catalog-page';
import { API } from '#common/routes';
import { browserConnection, connectionAllows } from '#browser/downloads/connection-cost';
import { budgetFor } from '#browser/downloads/kept-downloads';
import { defaultQuality } from '#browser/downloads/download-queue';
import { releaseAt } from '#common/renditions';
import { appState } from '#browser/state/app-state';
import { notifyPages } from '../lifecycle/notify-pages.js';
import { downloadFromWorker } from '../downloads/download-from-worker.js';
import { releaseStore } from './release-store.js';

/**
 * A library refresh (open time, periodic sync, a push): follows the change feed from the version
 * this device holds, keeps the stored releases current, downloads new releases by followed
 * artists that asked for it, and tells open pages. Nothing new costs one conditional request
 * (the HTTP cache turns it into a 304). Returns the releases new since the last refresh.
 */
export async function refreshLibraryAndAct(): Promise<Release[]> {
  const since = await appState.catalogVersion();
  if (since === undefined) {
    // A first run: everything in the library is as new as everything else; follow from now on.
    const start = await changesSince(CHANGES_SINCE_LATEST);
    await appState.setCatalogVersion(start.version);
    return [];
  }
  const { added, changed } = await followChanges(since);
  await downloadFollowedReleases(added);
  if (changed) await notifyPages({ type: 'catalog-updated' });
  return added;
}

async function followChanges(from: number): Promise<{ added: Release[]; changed: boolean }> {
  const added: Release[] = [];
  let version = from;
  let changed = false;
  for (;;) {
    const answer = await changesSince(version);
    if (answer.type === 'resync') {
      // Too far behind for a diff: the pages load afresh, and new releases are not told apart.
      await appState.setCatalogVersion(answer.version);
      return { added, changed: answer.version !== version };
    }
    const stored = await releaseStore.storedIds(answer.upserts.map((r) => r.id));
    const isNew = new Set(answer.added);
    // New releases are kept (search finds them offline); changes only to what is stored already.
    await releaseStore.putReleases(answer.upserts.filter((r) => isNew.has(r.id) || stored.has(r.id)));
    await releaseStore.remove(answer.removed);
    added.push(...answer.upserts.filter((r) => isNew.has(r.id)));
    changed ||= answer.upserts.length > 0 || answer.removed.length > 0;
    version = answer.version;
    await appState.setCatalogVersion(version);
    if (!answer.more) return { added, changed };
  }
}

async function changesSince(since: number | typeof CHANGES_SINCE_LATEST): Promise<CatalogChanges> {
  const response = await fetch(`${API.catalogChanges}?since=${since}`);
  if (!response.ok) throw new Error(`the change feed answered ${response.status}`);
  const answer = catalogChangesSchema.safeParse(await response.json());
  if (!answer.success) throw new Error('the change feed sent something that is not a change list');
  return answer.data;
}

async function downloadFollowedReleases(releases: readonly Release[]): Promise<void> {
  const follows = await appState.follows();
  const wanted = releases.filter((release) => {
    const preference = follows[release.artist];
    return preference?.autoDownload && connectionAllows(preference.unmeteredOnly, browserConnection());
  });
  // One at a time: each one queued counts against the budget of the next. Over the budget an
  // automatic download is left out (removing something needs the person's say: the dialog).
  for (const release of wanted) {
    const quality = await defaultQuality(release);
    if ((await budgetFor(releaseAt(release, quality))).fits) await downloadFromWorker([release], quality);
  }
}
