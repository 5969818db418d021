/**
 * The content hash a media file's name carries before its extension, as make-artwork-sizes.sh
 * names artwork: `cover-320.4251fe521a.webp` → `4251fe521a` (10 to 64 lowercase hex digits, the
 * start of the file's sha256). Such a URL never changes its bytes, so it may be cached for a year.
 */
export function contentHashInName(url: string): string | undefined {
  return /\.([0-9a-f]{10,64})\.[A-Za-z0-9]+$/.exec(url)?.[1];
}
