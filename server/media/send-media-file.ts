import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { answerRange, contentRange } from '#common/byte-range';
import { MEDIA_RESPONSE_HEADERS } from '#common/media-response-headers';
import { preconditionFailed } from './preconditions.js';
import type { OpenMediaFile } from './open-media-file.js';

export interface MediaFileInfo extends OpenMediaFile {
  readonly type: string;
  /** Its URL names its content (CatalogService.isImmutable): cached for a year, never revalidated. */
  readonly immutable?: boolean;
}

/**
 * Sends an opened media file with validators, preconditions and byte ranges, then closes it.
 * Written for this route rather than using `express.static`/`send`: those send a weak ETag
 * (Background Fetch resumes only against a strong one), no nosniff, and answer a too-long suffix
 * range with 416; the range rules are shared with the SW.
 */
export async function sendMediaFile(req: Request, res: Response, file: MediaFileInfo): Promise<void> {
  const etag = `"${file.size.toString(16)}-${Math.floor(file.mtime.getTime()).toString(16)}"`;
  const lastModified = file.mtime.toUTCString();
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', lastModified);
  res.setHeader('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
  res.setHeader('Content-Type', file.type);
  for (const [name, value] of Object.entries(MEDIA_RESPONSE_HEADERS)) res.setHeader(name, value);

  const range = rangeStillValid(req, etag, lastModified) ? answerRange(req.headers.range, file.size) : { kind: 'full' as const };
  const bodiless = preconditionFailed(req, etag, file.mtime)
    ? 412
    : isNotModified(req, etag, file.mtime)
      ? 304
      : range.kind === 'unsatisfiable'
        ? 416
        : undefined;
  if (bodiless) {
    await file.handle.close();
    if (bodiless === 416) res.setHeader('Content-Range', contentRange(file.size));
    if (bodiless !== 304) res.removeHeader('Content-Type');
    res.status(bodiless).end();
    return;
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : file.size - 1;
  if (range.kind === 'partial') {
    res.status(206).setHeader('Content-Range', contentRange(file.size, range));
  }
  res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
  if (req.method === 'HEAD' || file.size === 0) {
    await file.handle.close();
    res.end();
    return;
  }
  // Buffers no larger than the range: a 64 KiB seek should not allocate a 256 KiB chunk.
  const highWaterMark = Math.min(256 * 1024, end - start + 1);
  await pipeline(file.handle.createReadStream({ start, end, highWaterMark }), res).catch(() => {
    // The client went away mid-body (a seek, a cancelled download): nothing to answer any more.
    res.destroy();
  });
}

function isNotModified(req: Request, etag: string, mtime: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === etag || t === `W/${etag}`;
    });
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

/** If-Range: honour the Range only when the client's copy is still this version (strong match). */
function rangeStillValid(req: Request, etag: string, lastModified: string): boolean {
  const ifRange = req.get('if-range');
  if (ifRange === undefined) return true;
  return ifRange.startsWith('"') ? ifRange === etag : ifRange === lastModified;
}
