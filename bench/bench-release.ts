import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_ADMIN_TOKEN } from '../e2e/fixtures/server-process.js';

const BLOCK = 8 * 1024 * 1024;

/** Writes `bytes` of random data (nothing can shortcut it) and returns its sha256. */
async function writeRandomFile(file: string, bytes: number): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let written = 0; written < bytes; written += BLOCK) {
    const block = randomBytes(Math.min(BLOCK, bytes - written));
    hash.update(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

/**
 * Generates a release of random parts of the given sizes under MEDIA_DIR/bench/<id>/ and publishes
 * it through the admin API, as an operator would. Returns the part URLs.
 */
export async function publishRandomRelease(
  origin: string,
  mediaDir: string,
  id: string,
  sizes: readonly number[],
): Promise<string[]> {
  const folder = `bench/${id}`;
  const parts = [];
  for (const [index, bytes] of sizes.entries()) {
    const url = `/media/${folder}/part-${index + 1}.webm`;
    const sha256 = await writeRandomFile(path.join(mediaDir, folder, `part-${index + 1}.webm`), bytes);
    parts.push({ url, type: 'audio/webm', bytes, sha256, role: 'track', title: `Part ${index + 1}`, duration: 60 });
  }
  const cover = readFileSync(path.join(mediaDir, 'albums/harbour-lights/cover.jpg'));
  const coverUrl = `/media/${folder}/cover.jpg`;
  await writeRandomFileFrom(path.join(mediaDir, folder, 'cover.jpg'), cover);
  parts.push({
    url: coverUrl,
    type: 'image/jpeg',
    bytes: cover.length,
    sha256: createHash('sha256').update(cover).digest('hex'),
    role: 'artwork',
  });
  const release = {
    id,
    kind: 'album',
    title: `Bench ${id}`,
    artist: 'Bench',
    releaseDate: '2026-11-23',
    artwork: coverUrl,
    parts,
  };
  const res = await fetch(`${origin}/api/releases`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(release),
  });
  if (res.status !== 201) throw new Error(`publishing ${id} failed: ${res.status} ${await res.text()}`);
  return parts.map((p) => p.url);
}

async function writeRandomFileFrom(file: string, bytes: Buffer): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  out.end(bytes);
  await once(out, 'finish');
}
