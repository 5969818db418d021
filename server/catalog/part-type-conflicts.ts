import type { Release } from '#common/catalog';

/**
 * One media file has one type. The server sends a file with the type the catalog gives it, so a
 * release that names another release's file with another type would change how that file is
 * served (and the last release to name it would win). Returns a line per file typed twice.
 */
export function partTypeConflicts(releases: readonly Release[]): string[] {
  const typeOf = new Map<string, { type: string; release: string }>();
  const problems: string[] = [];
  for (const release of releases) {
    for (const part of release.parts) {
      const first = typeOf.get(part.url);
      if (!first) typeOf.set(part.url, { type: part.type, release: release.id });
      else if (first.type !== part.type) {
        problems.push(`${part.url}: typed ${part.type} here, but ${first.type} by release "${first.release}"`);
      }
    }
  }
  return problems;
}
