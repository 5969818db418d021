import type { Release } from '#common/catalog';
import type { PushPayload } from '#common/push-payload';

/** The push payload for a new release: ids and short text only; the SW fetches the rest. */
export function releaseAlert(release: Release): PushPayload {
  const kind = release.kind === 'album' ? 'New album' : 'New movie';
  return {
    type: 'new-release',
    releaseId: release.id,
    title: `${kind}: ${release.title.slice(0, 150)}`,
    body: `${release.artist.slice(0, 150)} · out now`,
    icon: release.artwork,
  };
}
