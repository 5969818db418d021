import type { Part } from '#common/catalog';

/**
 * One media file has one type. The server sends a file with the type the catalog gives it, so a
 * release that names another release's file with another type would change how that file is
 * served. Returns the line saying so, or undefined when `known` (the type the file has already,
 * and the release that gave it) agrees.
 */
export function typeConflict(
  part: Pick<Part, 'url' | 'type'>,
  known: { readonly type: string; readonly releaseId: string } | undefined,
): string | undefined {
  if (!known || known.type === part.type) return undefined;
  return `${part.url}: typed ${part.type} here, but ${known.type} by release "${known.releaseId}"`;
}
