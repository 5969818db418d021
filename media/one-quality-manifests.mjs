// @ts-check
// Writes one DASH manifest per quality from the manifest ffmpeg wrote with every representation
// (manifest-all.mpd, then deleted): each keeps one video representation, the audio and the
// subtitles. A film downloaded at one quality stores the manifest of that quality, so offline
// shaka-player is never offered a representation whose segments are not on the device (no
// manifest rewriting in the SW, no player restrictions to keep in step with the download).
// Run by make-sample-media.sh; the output is committed.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The representation id ffmpeg gave each quality's video (the order of the -map options). */
export const VIDEO_REPRESENTATIONS = { low: '0', normal: '1', high: '2' };
/** The manifest file of each quality; Normal keeps the plain name. */
export const MANIFESTS = { low: 'manifest-low.mpd', normal: 'manifest.mpd', high: 'manifest-high.mpd' };

const SUBTITLES = `\t\t<AdaptationSet id="2" contentType="text" mimeType="text/vtt" lang="en">
\t\t\t<Role schemeIdUri="urn:mpeg:dash:role:2011" value="subtitle"/>
\t\t\t<Representation id="subtitles-en" bandwidth="256">
\t\t\t\t<BaseURL>subtitles-en.vtt</BaseURL>
\t\t\t</Representation>
\t\t</AdaptationSet>
`;

/** @param {string} folder */
function writeManifests(folder) {
  const all = readFileSync(path.join(folder, 'manifest-all.mpd'), 'utf8');
  const videoSet = /<AdaptationSet id="0" contentType="video"[\s\S]*?<\/AdaptationSet>\n/.exec(all)?.[0];
  if (!videoSet) throw new Error('manifest-all.mpd: no video adaptation set');

  for (const [quality, keep] of Object.entries(VIDEO_REPRESENTATIONS)) {
    const kept = videoSet.replace(/\t*<Representation id="(\d+)"[\s\S]*?<\/Representation>\n/g, (rep, id) => (id === keep ? rep : ''));
    const width = /width="(\d+)" height="(\d+)"/.exec(kept);
    if (!width) throw new Error(`no video representation ${keep}`);
    const sized = kept.replace(/maxWidth="\d+" maxHeight="\d+"/, `maxWidth="${width[1]}" maxHeight="${width[2]}"`);
    const manifest = all.replace(videoSet, sized).replace('\t</Period>', `${SUBTITLES}\t</Period>`);
    writeFileSync(path.join(folder, MANIFESTS[/** @type {keyof typeof MANIFESTS} */ (quality)]), manifest);
  }
  rmSync(path.join(folder, 'manifest-all.mpd'));
}

// Run as a script (make-sample-media.sh); write-catalog.mjs imports the names above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = process.argv[2];
  if (!folder) throw new Error('usage: node one-quality-manifests.mjs <movie folder>');
  writeManifests(folder);
}
