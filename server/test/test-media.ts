import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Catalog, Release } from '#common/catalog';

/** Bytes 0..size-1 of a recognisable pattern, so a range's content can be checked exactly. */
export function patternBytes(size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + 3) % 256));
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export interface TestMedia {
  readonly root: string;
  readonly mediaDir: string;
  readonly track: Buffer;
  readonly release: Release;
  /** Writes a file under MEDIA_DIR and returns the part describing it. */
  addFile(relative: string, bytes: Buffer): { url: string; bytes: number; sha256: string };
}

/**
 * A temporary MEDIA_DIR with a one-album catalog (a 1000-byte track and a cover), a symlink that
 * leads out of the root, and a secret file beside the root that must never be served.
 */
export function makeTestMedia(): TestMedia {
  const root = mkdtempSync(path.join(tmpdir(), 'stowaway-test-'));
  const mediaDir = path.join(root, 'media');
  mkdirSync(path.join(mediaDir, 'albums', 'test'), { recursive: true });
  writeFileSync(path.join(root, 'secret.txt'), 'outside the media root');
  symlinkSync(path.join(root, 'secret.txt'), path.join(mediaDir, 'albums', 'test', 'escape.webm'));

  const addFile = (relative: string, bytes: Buffer) => {
    const file = path.join(mediaDir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return { url: `/media/${relative}`, bytes: bytes.length, sha256: sha256(bytes) };
  };
  const track = patternBytes(1000);
  // Artwork named by its content (cached for a year), and one whose name claims a hash it does not have.
  const small = patternBytes(40);
  const hashedCover = addFile(`albums/test/cover-160.${sha256(small).slice(0, 10)}.jpg`, small);
  const falselyHashed = addFile('albums/test/cover-320.0123456789.jpg', patternBytes(45));
  const release: Release = {
    id: 'test-album',
    kind: 'album',
    title: 'Test Album',
    artist: 'Tester',
    releaseDate: '2026-01-01',
    artwork: '/media/albums/test/cover.jpg',
    parts: [
      { ...addFile('albums/test/01.webm', track), type: 'audio/webm', role: 'track', title: 'One', duration: 10 },
      { ...addFile('albums/test/cover.jpg', patternBytes(50)), type: 'image/jpeg', role: 'artwork' },
      { ...hashedCover, type: 'image/jpeg', role: 'artwork', width: 160 },
      { ...falselyHashed, type: 'image/jpeg', role: 'artwork', width: 320 },
    ],
  };
  const catalog: Catalog = { releases: [release] };
  writeFileSync(path.join(mediaDir, 'catalog.json'), JSON.stringify(catalog));
  return { root, mediaDir, track, release, addFile };
}
