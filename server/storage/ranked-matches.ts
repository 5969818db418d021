/**
 * The ranked matches of one search, as scored when its first page was asked for: bm25 scores
 * depend on the whole index (how many releases hold each word, their mean length), so releases
 * published between two pages would shift every score, and a keyset on scores computed afresh
 * could skip or repeat results. A search's later pages read this point-in-time ranking instead
 * (like a search engine's point-in-time snapshot); one that has expired is ranked again.
 */
export class RankedMatches {
  constructor(
    readonly seqs: Float64Array,
    readonly scores: Float64Array,
  ) {}

  static of(rows: ReadonlyArray<{ seq: number; score: number }>): RankedMatches {
    return new RankedMatches(
      Float64Array.from(rows, (r) => r.seq),
      Float64Array.from(rows, (r) => r.score),
    );
  }

  get length(): number {
    return this.seqs.length;
  }

  /** The index of the first match ranked after (score, seq): a binary search, as rows are sorted by both. */
  indexAfter(score: number, seq: number): number {
    let low = 0;
    let high = this.seqs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const s = this.scores[mid] as number;
      if (s < score || (s === score && (this.seqs[mid] as number) <= seq)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Bytes held, for the cache's bound. */
  get bytes(): number {
    return this.seqs.byteLength + this.scores.byteLength;
  }
}
