import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

type Coding = 'br' | 'gzip' | 'identity';

/** Smaller bodies are sent as they are: compressing them saves less than its own framing. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON body with a strong ETag (a hash of its bytes) and its compressed forms, each made once.
 * Compression is done here rather than by the `compression` middleware because a strong ETag
 * names one exact byte sequence: the gzip and brotli forms get their own (`"<hash>-gzip"`), and a
 * revalidation with any of them is answered 304. A long-lived entity (the whole catalog) keeps
 * its compressed forms, so they are not made again for every request.
 */
export class JsonEntity {
  readonly bytes: Buffer;
  readonly tag: string;
  readonly #encoded = new Map<Coding, Buffer>();

  constructor(json: string | Buffer) {
    this.bytes = typeof json === 'string' ? Buffer.from(json) : json;
    this.tag = createHash('sha256').update(this.bytes).digest('base64url').slice(0, 32);
  }

  etag(coding: Coding): string {
    return coding === 'identity' ? `"${this.tag}"` : `"${this.tag}-${coding}"`;
  }

  /** Whether an If-None-Match header names any form of this body. */
  matches(ifNoneMatch: string | undefined): boolean {
    if (!ifNoneMatch) return false;
    const ours = (['identity', 'gzip', 'br'] as const).map((coding) => this.etag(coding));
    return ifNoneMatch.split(',').some((raw) => {
      const tag = raw.trim();
      return tag === '*' || ours.includes(tag.startsWith('W/') ? tag.slice(2) : tag);
    });
  }

  encoded(coding: Coding): Buffer {
    if (coding === 'identity') return this.bytes;
    let body = this.#encoded.get(coding);
    if (!body) {
      body =
        coding === 'br'
          ? brotliCompressSync(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(this.bytes, { level: 6 });
      this.#encoded.set(coding, body);
    }
    return body;
  }
}

/**
 * Sends JSON with a strong ETag, compressed when the client accepts it, and 304 when its copy is
 * current. API answers are revalidated on every use (`no-cache`): the catalog changes at any time.
 */
export function sendJson(req: Request, res: Response, body: JsonEntity | unknown): void {
  const entity = body instanceof JsonEntity ? body : new JsonEntity(JSON.stringify(body));
  const accepted = entity.bytes.length >= COMPRESS_FROM_BYTES ? req.acceptsEncodings('br', 'gzip') : false;
  const coding: Coding = accepted === 'br' || accepted === 'gzip' ? accepted : 'identity';
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', entity.etag(coding));
  if (entity.matches(req.get('if-none-match'))) {
    res.status(304).end();
    return;
  }
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.type('application/json').send(entity.encoded(coding));
}
