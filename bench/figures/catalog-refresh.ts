import type { Benchmark } from '../harness.js';
import { median, timeRuns } from '../harness.js';
import { rawGet } from '../raw-get.js';

/** Figure 6: a catalog refresh when nothing changed is a conditional GET answered 304. */
export const catalogRefresh: Benchmark = {
  name: 'catalog-refresh',
  description: 'catalog refresh with nothing new: conditional GET (304) against a full GET',
  async run({ origin }) {
    const url = '/api/catalog';
    const full = await rawGet(origin, url, {});
    const conditional = await rawGet(origin, url, { 'If-None-Match': full.etag });
    const fullTimes = await timeRuns(30, 5, () => rawGet(origin, url, {}));
    const conditionalTimes = await timeRuns(30, 5, () => rawGet(origin, url, { 'If-None-Match': full.etag }));
    return [
      {
        name: 'catalog refresh, nothing new: bytes',
        stowaway: `${conditional.bytes} B (status ${conditional.status})`,
        anchor: `${full.bytes} B full GET`,
        ratio: conditional.bytes / full.bytes,
        goal: 'a 304 under 1 KB',
        data: { conditionalBytes: conditional.bytes, status: conditional.status, fullBytes: full.bytes },
      },
      {
        name: 'catalog refresh, nothing new: time',
        stowaway: `${median(conditionalTimes).toFixed(2)} ms`,
        anchor: `${median(fullTimes).toFixed(2)} ms full GET`,
        ratio: median(conditionalTimes) / median(fullTimes),
        goal: '≤ the full GET',
        data: { conditionalMs: conditionalTimes, fullMs: fullTimes },
      },
    ];
  },
};
