import { once } from 'node:events';
import { copyFileSync, createWriteStream, linkSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, Release } from '#common/catalog';
import { releaseFiles } from '#common/renditions';

/**
 * `npm run catalog:generate -- N [outDir]`: a folder usable as MEDIA_DIR whose catalog.json holds
 * N releases made from the sample ones: the same files and hashes (hard-linked, not copied: the
 * media route refuses symlinks that lead out of MEDIA_DIR), new ids, and titles, artists and
 * track titles drawn from word lists with accents in them, so search has something to find.
 * The same N gives the same catalog.
 */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_DIR = path.join(REPO_ROOT, 'media');

const ADJECTIVES = [
  'Quiet',
  'Électrique',
  'Northern',
  'Nördlich',
  'Blue',
  'Café',
  'Hollow',
  'Señorita',
  'Golden',
  'Crimson',
  'Velvet',
  'Silver',
  'Distant',
  'Frozen',
  'Lucid',
  'Sôlar',
  'Wild',
  'Broken',
  'Bright',
  'Midnight',
  'Ancient',
  'Paper',
  'Glass',
  'Iron',
  'Crystal',
  'Amber',
  'Secret',
  'Lonely',
  'Fading',
  'Rising',
  'Señal',
  'Cœur',
  'Žluté',
  'Ørsted',
  'Émeraude',
  'Tender',
  'Restless',
  'Open',
  'Hidden',
  'Weightless',
];
const NOUNS = [
  'Harbour',
  'Lights',
  'Garden',
  'Signal',
  'River',
  'Mountain',
  'Ocean',
  'Forêt',
  'Tide',
  'Lantern',
  'Ferry',
  'Echo',
  'Horizon',
  'Mirror',
  'Winter',
  'Summer',
  'Été',
  'Storm',
  'Island',
  'Canyon',
  'Desert',
  'Meadow',
  'Orchard',
  'Station',
  'Avenue',
  'Cathédrale',
  'Rêverie',
  'Fjord',
  'Søn',
  'Niño',
  'Compass',
  'Anchor',
  'Voyage',
  'Citadel',
  'Pulse',
  'Circuit',
  'Machine',
  'Hymn',
  'Ballad',
  'Overture',
];
const FIRST_NAMES = [
  'Zoë',
  'Björn',
  'Amélie',
  'José',
  'Noémie',
  'Søren',
  'Chloé',
  'Jürgen',
  'Inès',
  'Łukasz',
  'Ana',
  'Oskar',
  'Maya',
  'Théo',
  'Lena',
  'Matías',
  'Aoife',
  'Renée',
  'Hugo',
  'Ìyá',
  'Nina',
  'Emil',
  'Sofía',
  'Kai',
  'Elif',
  'Jonas',
  'Clara',
  'Dávid',
  'Leïla',
  'Tomás',
];
const LAST_NAMES = [
  'Brontë',
  'Sánchez',
  'Müller',
  'Dvořák',
  'Ødegaard',
  'Lefèvre',
  'Nakamura',
  'Okafor',
  'Silva',
  'Novák',
  'García',
  'Kowalski',
  'Håkansson',
  'Moreau',
  'Byrne',
  'Rossi',
  'Yilmaz',
  'Jensen',
  'Ferreira',
  'Öztürk',
  'Dubois',
  'Larsen',
  'Ibáñez',
  'Conti',
  'Schäfer',
  'Petrović',
  'Costa',
  'Lindqvist',
  'Mendès',
  'Walsh',
];

/** mulberry32: small, fast and the same everywhere, so a catalog can be made again exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateReleases(samples: readonly Release[], count: number, seed = 15): Generator<Release> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const albums = samples.filter((r) => r.kind === 'album');
  const movies = samples.filter((r) => r.kind === 'movie');
  // About one artist for every eight releases, each a person or a band.
  const artists = Array.from({ length: Math.max(1, Math.ceil(count / 8)) }, (_, i) =>
    i % 3 === 2 ? `The ${pick(ADJECTIVES)} ${pick(NOUNS)}s` : `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
  );
  return (function* () {
    for (let i = 0; i < count; i++) {
      const sample = movies.length > 0 && (albums.length === 0 || next() < 0.2) ? pick(movies) : pick(albums);
      const title =
        next() < 0.5 ? `${pick(ADJECTIVES)} ${pick(NOUNS)}` : `${pick(NOUNS)} of the ${pick(ADJECTIVES)} ${pick(NOUNS)}`;
      const year = 1960 + Math.floor(next() * 67);
      const day = `${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      yield {
        ...sample,
        id: `gen-${i}`,
        title,
        artist: pick(artists),
        releaseDate: `${Math.min(year, 2026)}-${day}`,
        parts: sample.parts.map((part) =>
          part.role === 'track' ? { ...part, title: `${pick(ADJECTIVES)} ${pick(NOUNS)}` } : part,
        ),
      };
    }
  })();
}

/** Hard links (or, across file systems, copies) of the files the sample releases name, in every quality, under `outDir`. */
function linkSampleMedia(samples: readonly Release[], outDir: string): void {
  for (const url of new Set(samples.flatMap((r) => releaseFiles(r).map((p) => p.url)))) {
    const relative = url.slice('/media/'.length);
    const to = path.join(outDir, relative);
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      linkSync(path.join(SAMPLE_DIR, relative), to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EXDEV' && code !== 'EPERM') throw error;
      copyFileSync(path.join(SAMPLE_DIR, relative), to);
    }
  }
}

/** Writes outDir/catalog.json with `count` releases and the media beside it; returns its path. */
export async function generateCatalog(count: number, outDir: string): Promise<string> {
  const samples = (JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'catalog.json'), 'utf8')) as Catalog).releases;
  mkdirSync(outDir, { recursive: true });
  linkSampleMedia(samples, outDir);
  const file = path.join(outDir, 'catalog.json');
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"releases":[\n');
  let first = true;
  for (const release of generateReleases(samples, count)) {
    await write(`${first ? '' : ',\n'}${JSON.stringify(release)}`);
    first = false;
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return file;
}

async function main(argv: string[]): Promise<void> {
  const count = Number(argv[0]);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new Error('usage: npm run catalog:generate -- N [outDir]   (N from 1 to 1,000,000)');
  }
  const outDir = path.resolve(argv[1] ?? path.join(REPO_ROOT, 'data', `catalog-${count}`));
  const file = await generateCatalog(count, outDir);
  process.stdout.write(`wrote ${count} releases to ${file}\nstart the server with MEDIA_DIR=${outDir}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`catalog:generate: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
