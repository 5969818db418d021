// @ts-check
// Writes media/catalog.json from catalog.source.json and the files beside it: every part's URL,
// MIME type, byte size and sha256 come from the file itself; durations from ffprobe.
// Run by make-sample-media.sh (it needs ffprobe); the result is committed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFESTS, VIDEO_REPRESENTATIONS } from './one-quality-manifests.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const TYPES = { '.webm': 'audio/webm', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.mpd': 'application/dash+xml', '.m4s': 'video/iso.segment', '.vtt': 'text/vtt' };

/** @param {string} rel */
function describe(rel) {
  const bytes = readFileSync(path.join(here, rel));
  const ext = /** @type {keyof typeof TYPES} */ (path.extname(rel));
  return { url: `/media/${rel}`, type: TYPES[ext], bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** @param {string} rel */
function seconds(rel) {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path.join(here, rel)]);
  return Math.round(Number(out.toString().trim()) * 1000) / 1000;
}

/** @param {string} rel */
function mpdSeconds(rel) {
  const match = /mediaPresentationDuration="PT(?:(\d+)M)?([\d.]+)S"/.exec(readFileSync(path.join(here, rel), 'utf8'));
  if (!match) throw new Error(`${rel}: no mediaPresentationDuration`);
  return Number(match[1] ?? 0) * 60 + Number(match[2]);
}

/**
 * The artwork parts of a folder, as make-artwork-sizes.sh wrote them: the WebP sizes the page
 * shows (<name>-<width>.<hash>.webp), smallest first, each with its width in pixels as ffprobe reads
 * it, then the JPEG the system shows (<name>.<hash>.jpg, no width: not one of the srcset's sizes).
 * @param {string} folder
 * @param {string[]} files
 */
function artworkParts(folder, files) {
  const sized = files
    .filter((f) => /^(cover|poster)-\d+\.[0-9a-f]{10}\.webp$/.test(f))
    .map((f) => {
      const rel = `${folder}/${f}`;
      const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width', '-of', 'csv=p=0', path.join(here, rel)]);
      return { ...describe(rel), role: 'artwork', width: Number(out.toString().trim()) };
    })
    .sort((a, b) => a.width - b.width);
  const [system, ...more] = files.filter((f) => /^(cover|poster)\.[0-9a-f]{10}\.jpg$/.test(f));
  if (sized.length === 0 || !system || more.length > 0) throw new Error(`${folder}: no artwork sizes, or more than one JPEG (run make-artwork-sizes.sh)`);
  const systemPart = { ...describe(`${folder}/${system}`), role: 'artwork' };
  return { artwork: systemPart.url, parts: [...sized, systemPart] };
}

/**
 * A part in the Normal quality with its other qualities as alternatives (common/renditions.ts).
 * @param {string} normal the Normal file
 * @param {Record<string, string>} others quality → file
 * @param {object} fields the part's role, title, duration
 */
function inQualities(normal, others, fields) {
  const alternatives = Object.entries(others).map(([quality, rel]) => ({ quality, ...describe(rel) }));
  return { ...describe(normal), ...fields, ...(alternatives.length ? { quality: 'normal', alternatives } : {}) };
}

const source = JSON.parse(readFileSync(path.join(here, 'catalog.source.json'), 'utf8'));
const releases = source.releases.map((/** @type {any} */ r) => {
  const { folder, tracks, ...rest } = r;
  const at = (/** @type {string} */ file) => `${folder}/${file}`;
  let parts;
  const files = readdirSync(path.join(here, folder)).sort();
  const { artwork, parts: artworks } = artworkParts(folder, files);
  if (r.kind === 'album') {
    parts = [
      ...tracks.map((/** @type {any} */ t) =>
        inQualities(at(t.file), Object.fromEntries(Object.entries(t.renditions ?? {}).map(([q, f]) => [q, at(String(f))])), {
          role: 'track',
          title: t.title,
          duration: seconds(at(t.file)),
        }),
      ),
      ...artworks,
    ];
  } else {
    // The video in Normal with Data saver and High as alternatives, segment by segment; the
    // audio, subtitles and artwork are the same in every quality.
    const video = VIDEO_REPRESENTATIONS;
    const others = (/** @type {(id: string) => string} */ name) => ({ low: at(name(video.low)), high: at(name(video.high)) });
    const videoIds = Object.values(video);
    const audio = (/** @type {string} */ f) => !videoIds.includes(/^(?:init|chunk)-(\d+)/.exec(f)?.[1] ?? '');
    const manifests = { low: at(MANIFESTS.low), high: at(MANIFESTS.high) };
    parts = [
      inQualities(at(MANIFESTS.normal), manifests, { role: 'manifest', duration: mpdSeconds(at(MANIFESTS.normal)) }),
      inQualities(at(`init-${video.normal}.m4s`), others((id) => `init-${id}.m4s`), { role: 'init' }),
      ...files.filter((f) => f.startsWith('init-') && audio(f)).map((f) => ({ ...describe(at(f)), role: 'init' })),
      ...files
        .filter((f) => f.startsWith(`chunk-${video.normal}-`))
        .map((f) => inQualities(at(f), others((id) => f.replace(`chunk-${video.normal}-`, `chunk-${id}-`)), { role: 'segment' })),
      ...files.filter((f) => f.startsWith('chunk-') && audio(f)).map((f) => ({ ...describe(at(f)), role: 'segment' })),
      ...files.filter((f) => f.endsWith('.vtt')).map((f) => ({ ...describe(at(f)), role: 'subtitles' })),
      ...artworks,
    ];
  }
  return { ...rest, artwork, parts };
});
writeFileSync(path.join(here, 'catalog.json'), `${JSON.stringify({ releases }, null, 2)}\n`);
console.log(`wrote catalog.json: ${releases.length} releases, ${releases.reduce((/** @type {number} */ n, /** @type {any} */ r) => n + r.parts.length, 0)} parts`);
