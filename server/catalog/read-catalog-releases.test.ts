import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogReleases } from './read-catalog-releases.js';

const dir = mkdtempSync(path.join(tmpdir(), 'stowaway-read-'));
let n = 0;
async function read(text: string | Buffer): Promise<unknown[]> {
  const file = path.join(dir, `catalog-${n++}.json`);
  writeFileSync(file, text);
  const items: unknown[] = [];
  for await (const item of readCatalogReleases(file)) items.push(item);
  return items;
}

describe('readCatalogReleases', () => {
  it('yields each release, whatever its strings hold and wherever the read chunks split it', async () => {
    const tricky = { id: 'a', title: 'Braces } { and "quotes" \\ and ] [ , and Ünïcödé 🎵', n: [1, { x: '}' }] };
    // Over 1 MiB, so items straddle the reader's chunks.
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `r${i}`, pad: 'é'.repeat(200 + (i % 7)) }));
    const items = await read(
      `\uFEFF {\n "releases" : [ ${JSON.stringify(tricky)} ,\n${many.map((m) => JSON.stringify(m)).join(' ,')} ] }\n`,
    );
    expect(items).toEqual([tricky, ...many]);
    expect(await read('{"releases":[]}')).toEqual([]);
  });

  it.each([
    ['[]', /must be \{ "releases"/],
    ['{"other":1,"releases":[]}', /must be \{ "releases"/],
    ['{"releases":[{"id":"a"},]}', /releases\.1: expected a release object/],
    ['{"releases":[{"id":"a"} {"id":"b"}]}', /releases\.1: expected a comma/],
    ['{"releases":[1]}', /releases\.0: expected a release object/],
    ['{"releases":[{"id":"a"}]', /ends before/],
    ['{"releases":[{"id":"a"}', /ends before/],
    ['{"releases":[{"id":"a"}]}{}', /has more after/],
    ['{"releases":[{"id": nope}]}', /releases\.0: not valid JSON/],
  ])('refuses %s', async (text, message) => {
    await expect(read(text)).rejects.toThrow(message);
  });
});
