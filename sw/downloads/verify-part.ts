import { sha256 } from '@noble/hashes/sha2.js';
import type { Part } from '#common/catalog';

/** Parts up to this size are hashed with WebCrypto in one go; larger ones are streamed. */
const ONE_SHOT_LIMIT = 128 * 1024 * 1024;

/** Checks a fetched part against the catalog: its exact length, then its sha256. Returns a problem or undefined. */
export async function verifyPart(body: Blob, part: Part): Promise<string | undefined> {
  if (body.size !== part.bytes) return `${fileName(part.url)} arrived with ${body.size} bytes instead of ${part.bytes}`;
  const digest = body.size <= ONE_SHOT_LIMIT ? await oneShotDigest(body) : await streamedDigest(body);
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex === part.sha256 ? undefined : `${fileName(part.url)} is damaged (its checksum does not match)`;
}

async function oneShotDigest(body: Blob): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', await body.arrayBuffer()));
}

/**
 * WebCrypto has no incremental digest, and reading a 1 GB part whole would hold it all in memory:
 * large parts are read as a stream through @noble/hashes' incremental SHA-256, so memory stays flat.
 */
async function streamedDigest(body: Blob): Promise<Uint8Array> {
  const hash = sha256.create();
  const reader = body.stream().getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) hash.update(chunk.value);
  return hash.digest();
}

const fileName = (url: string): string => url.slice(url.lastIndexOf('/') + 1);
