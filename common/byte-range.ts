/**
 * The one answer to a `Range` header, shared by the server's media route and the service
 * worker's cache route so both always agree.
 *
 * Our own parser rather than `range-parser` (Express's): that one answers 416 to a suffix range
 * longer than the file (`bytes=-500` on 100 bytes), where RFC 9110 §14.1.2 says to send the whole
 * representation, and it puts no bound on the number of ranges.
 */

/** More ranges than this in one header is refused outright (RFC 9110 §14.2 lets us). */
export const MAX_RANGES = 16;

export type RangeAnswer =
  /** Send the whole representation with 200 (no header, other unit, invalid syntax, or several disjoint ranges). */
  | { readonly kind: 'full' }
  /** Send bytes start..end inclusive with 206. */
  | { readonly kind: 'partial'; readonly start: number; readonly end: number }
  /** Send 416 with `Content-Range: bytes *\/size`. */
  | { readonly kind: 'unsatisfiable' };

const FULL: RangeAnswer = { kind: 'full' };
const UNSATISFIABLE: RangeAnswer = { kind: 'unsatisfiable' };
const RANGE_SPEC = /^(\d*)-(\d*)$/;

interface Span {
  start: number;
  end: number;
}

export function answerRange(header: string | null | undefined, size: number): RangeAnswer {
  if (header === null || header === undefined) return FULL;
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return FULL; // a unit we do not know must be ignored (RFC 9110 §14.2)
  const specs = (match[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (specs.length === 0) return FULL;
  if (specs.length > MAX_RANGES) return UNSATISFIABLE;

  const spans: Span[] = [];
  for (const spec of specs) {
    const parts = RANGE_SPEC.exec(spec);
    if (!parts) return FULL;
    const [, first = '', last = ''] = parts;
    if (first === '' && last === '') return FULL;
    if (first === '') {
      const suffix = Number(last);
      if (suffix > 0 && size > 0) spans.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(first);
    const end = last === '' ? Infinity : Number(last);
    if (end < start) return FULL; // invalid range-spec: ignore the header
    if (start < size) spans.push({ start, end: Math.min(end, size - 1) });
  }
  if (spans.length === 0) return UNSATISFIABLE;

  const merged = mergeSpans(spans);
  if (merged.length > 1) return FULL; // never multipart: one body, never larger than the file
  const only = merged[0] as Span;
  return { kind: 'partial', start: only.start, end: only.end };
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** `Content-Range` value for a 206 (`bytes 0-9/100`) or, without a span, for a 416 (`bytes *\/100`). */
export function contentRange(size: number, span?: { start: number; end: number }): string {
  return span ? `bytes ${span.start}-${span.end}/${size}` : `bytes */${size}`;
}
