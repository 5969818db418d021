import type { Part } from '#common/catalog';

/** Checks a fetched part against the catalog: its exact length, then its sha256. Returns a problem or undefined. */
export async function verifyPart(body: Blob, part: Part): Promise<string | undefined> {
  if (body.size !== part.bytes) return `${fileName(part.url)} arrived with ${body.size} bytes instead of ${part.bytes}`;
  // WebCrypto has no streaming digest: one part (a track, a segment) is hashed at a time.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await body.arrayBuffer()));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex === part.sha256 ? undefined : `${fileName(part.url)} is damaged (its checksum does not match)`;
}

const fileName = (url: string): string => url.slice(url.lastIndexOf('/') + 1);
