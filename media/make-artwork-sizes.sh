#!/usr/bin/env bash
# Makes each release's artwork in the sizes the app's layouts ask for (its srcset), from the 512 px
# cover.jpg or poster.jpg beside it: <name>-<width>.<first 10 hex digits of its sha256>.webp, and
# the same 512 px picture as <name>.<hash>.jpg, the release's `artwork` that the system shows
# (lock screen, notifications, the download's progress UI), where JPEG is the format every platform
# decodes. The page shows WebP: every browser Stowaway supports decodes it, and it is about half the
# bytes of a JPEG that looks the same (Lighthouse's image-delivery audit failed on the JPEGs). The
# hash in the name makes the URL immutable: the server sends such files with a year's cache
# lifetime when the catalog's sha256 agrees (server/media/content-hashed-name.ts).
# Run by make-sample-media.sh; needs ffmpeg with libwebp (Debian's has it). The output is committed.
set -euo pipefail
cd "$(dirname "$0")"
WIDTHS=(160 320 512)

for source in albums/*/cover.jpg movies/*/poster.jpg; do
  dir=$(dirname "$source")
  name=$(basename "$source" .jpg)
  rm -f "$dir/$name"-*.jpg "$dir/$name"-*.webp "$dir/$name".??????????.jpg
  for width in "${WIDTHS[@]}"; do
    sized="$dir/$name-$width.webp"
    ffmpeg -hide_banner -loglevel error -y -i "$source" -vf "scale=$width:$width:flags=lanczos" -c:v libwebp -quality 75 "$sized"
    mv "$sized" "$dir/$name-$width.$(sha256sum "$sized" | cut -c1-10).webp"
  done
  cp "$source" "$dir/$name.$(sha256sum "$source" | cut -c1-10).jpg"
done
