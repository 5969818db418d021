import net from 'node:net';
import type { Benchmark } from '../harness.js';
import { median, timeRuns } from '../harness.js';

/** One GET over a fresh connection; `bytes` counts everything the server sent, headers included. */
function rawGet(
  origin: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number; etag: string }> {
  const { hostname, port } = new URL(origin);
  const head = Object.entries({ Host: `${hostname}:${port}`, Connection: 'close', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => socket.write(`GET ${path} HTTP/1.1\r\n${head}\r\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks);
      const headerText = text.subarray(0, text.indexOf('\r\n\r\n')).toString('latin1');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headerText)?.[1] ?? 0),
        bytes: text.length,
        etag: /^etag: (.*)$/im.exec(headerText)?.[1]?.trim() ?? '',
      });
    });
  });
}

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
