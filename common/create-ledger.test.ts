import { describe, expect, it } from 'vitest';
import { createLedger } from './create-ledger.js';
import {
  DOWNLOAD_STATES,
  TRANSITIONS,
  downloadId,
  newDownloadRecord,
  releaseIdOf,
  type DownloadState,
} from './download-ledger.js';
import { memoryLedgerStorage } from './memory-ledger-storage.fixture.js';
import { sampleAlbum } from './sample-album.fixture.js';

function setUp() {
  const storage = memoryLedgerStorage();
  const announced: string[] = [];
  let now = 1000;
  const ledger = createLedger(
    storage,
    (id) => announced.push(id),
    () => now++,
  );
  return { storage, announced, ledger };
}

const album = (id = 'new-album') => sampleAlbum({ id });

/** Puts a record straight into `state`, whatever the path to it. */
async function seed(ledger: ReturnType<typeof createLedger>, state: DownloadState, id = 'new-album') {
  await ledger.request(newDownloadRecord(album(id), 'fallback', 1));
  const path: Record<DownloadState, DownloadState[]> = {
    queued: [],
    downloading: ['downloading'],
    paused: ['paused'],
    verifying: ['downloading', 'verifying'],
    done: ['downloading', 'verifying', 'done'],
    failed: ['failed'],
  };
  for (const step of path[state]) await ledger.transition(id, step);
  expect((await ledger.get(id))?.state).toBe(state);
}

describe('download ledger transitions', () => {
  it.each(DOWNLOAD_STATES.flatMap((from) => DOWNLOAD_STATES.map((to) => [from, to] as const)))(
    '%s → %s is allowed exactly when TRANSITIONS says so',
    async (from, to) => {
      const { ledger } = setUp();
      await seed(ledger, from);
      const result = await ledger.transition('new-album', to);
      const allowed = TRANSITIONS[from].includes(to);
      expect(result?.state).toBe(allowed ? to : undefined);
      expect((await ledger.get('new-album'))?.state).toBe(allowed ? to : from);
    },
  );

  it('writes progress only while downloading: a late progress event leaves verifying and done alone', async () => {
    const { ledger } = setUp();
    await seed(ledger, 'downloading');
    await ledger.progress('new-album', 120);
    expect((await ledger.get('new-album'))?.bytesReceived).toBe(120);
    for (const state of ['verifying', 'done'] as const) {
      await ledger.transition('new-album', state);
      await ledger.progress('new-album', 10);
      expect(await ledger.get('new-album')).toMatchObject({ state, bytesReceived: 120 });
    }
  });

  it('never brings back a removed record (cancel wins over a late write)', async () => {
    const { ledger } = setUp();
    await seed(ledger, 'downloading');
    await ledger.remove('new-album');
    await ledger.progress('new-album', 50);
    expect(await ledger.transition('new-album', 'verifying')).toBeUndefined();
    expect(await ledger.get('new-album')).toBeUndefined();
  });

  it('keeps an existing download when asked again, and replaces a failed one (Retry)', async () => {
    const { ledger } = setUp();
    expect(await ledger.request(newDownloadRecord(album(), 'fallback', 1))).toBe(true);
    expect(await ledger.request(newDownloadRecord(album(), 'background-fetch', 2))).toBe(false);
    expect((await ledger.get('new-album'))?.engine).toBe('fallback');
    await ledger.transition('new-album', 'failed', { error: 'broken' });
    expect(await ledger.request(newDownloadRecord(album(), 'background-fetch', 3))).toBe(true);
    expect(await ledger.get('new-album')).toMatchObject({ state: 'queued', engine: 'background-fetch' });
    expect((await ledger.get('new-album'))?.error).toBeUndefined();
  });

  it('announces every write that changed something, and only those', async () => {
    const { ledger, announced } = setUp();
    await seed(ledger, 'downloading');
    announced.length = 0;
    await ledger.transition('new-album', 'done'); // refused: downloading → done skips verifying
    await ledger.progress('new-album', 0); // no change
    expect(announced).toEqual([]);
    await ledger.progress('new-album', 5);
    await ledger.remove('new-album');
    expect(announced).toEqual(['new-album', 'new-album']);
  });

  it('ignores stored values of another format', async () => {
    const { ledger, storage } = setUp();
    storage.map.set(downloadId('old'), { releaseId: 'old', state: 'done', parts: ['/media/a.webm'] });
    expect(await ledger.get('old')).toBeUndefined();
    expect(await ledger.all()).toEqual([]);
  });

  it('maps release ids to Background Fetch ids and back', () => {
    expect(downloadId('x-1')).toBe('release:x-1');
    expect(releaseIdOf('release:x-1')).toBe('x-1');
    expect(releaseIdOf('something-else')).toBeUndefined();
  });
});

describe('download ledger queue', () => {
  it('starts the oldest queued downloads until the limit runs, and never more', async () => {
    const { ledger } = setUp();
    for (const [i, id] of ['c', 'a', 'b', 'd'].entries()) {
      await ledger.request({ ...newDownloadRecord(album(id), 'fallback', 10 - i) });
    }
    const first = await ledger.promote(2, ['fallback']);
    expect(first.map((r) => r.releaseId)).toEqual(['d', 'b']);
    expect(await ledger.promote(2, ['fallback'])).toEqual([]);
    await ledger.transition('d', 'verifying');
    expect(await ledger.promote(2, ['fallback'])).toEqual([]); // verifying still takes a slot
    await ledger.transition('d', 'done');
    expect((await ledger.promote(2, ['fallback'])).map((r) => r.releaseId)).toEqual(['a']);
    const running = (await ledger.all()).filter((r) => r.state === 'downloading' || r.state === 'verifying');
    expect(running).toHaveLength(2);
  });

  it('two callers promoting at once still start no more than the limit', async () => {
    const { ledger } = setUp();
    for (const id of ['a', 'b', 'c', 'd', 'e']) await ledger.request(newDownloadRecord(album(id), 'background-fetch'));
    const [one, two] = await Promise.all([ledger.promote(2, ['background-fetch']), ledger.promote(2, ['background-fetch'])]);
    expect(one.length + two.length).toBe(2);
  });

  it('starts only what the caller can run', async () => {
    const { ledger } = setUp();
    await ledger.request(newDownloadRecord(album('a'), 'fallback', 1));
    await ledger.request(newDownloadRecord(album('b'), 'background-fetch', 2));
    expect((await ledger.promote(2, ['background-fetch'])).map((r) => r.releaseId)).toEqual(['b']);
  });

  it('marks queued downloads as waiting for the network, and starting one clears the mark', async () => {
    const { ledger } = setUp();
    await ledger.request(newDownloadRecord(album('a'), 'fallback', 1));
    await seed(ledger, 'paused', 'b');
    expect(await ledger.hold('network')).toBe(1);
    expect(await ledger.hold('network')).toBe(0);
    expect(await ledger.get('a')).toMatchObject({ state: 'queued', waitingFor: 'network' });
    expect((await ledger.get('b'))?.waitingFor).toBeUndefined();
    await ledger.request(newDownloadRecord(album('c'), 'fallback', 3));
    await ledger.hold('network');
    const started = await ledger.promote(1, ['fallback']);
    expect(started).toMatchObject([{ releaseId: 'a', state: 'downloading', waitingFor: undefined }]);
    // The network is back for the one still queued too, though no slot is free for it.
    expect(await ledger.get('c')).toMatchObject({ state: 'queued', waitingFor: undefined });
  });

  it('holds queued downloads for an unmetered connection, in place of waiting for the network', async () => {
    const { ledger } = setUp();
    await ledger.request(newDownloadRecord(album('a'), 'fallback', 1));
    await ledger.hold('network');
    expect(await ledger.hold('unmetered')).toBe(1);
    expect(await ledger.hold('unmetered')).toBe(0);
    expect(await ledger.get('a')).toMatchObject({ state: 'queued', waitingFor: 'unmetered' });
    expect(await ledger.promote(1, ['fallback'])).toMatchObject([
      { releaseId: 'a', state: 'downloading', waitingFor: undefined },
    ]);
  });
});

describe('a change of quality', () => {
  const other = () => sampleAlbum({ id: 'new-album', title: 'New Album (High)' });

  it('replaces only a finished download, keeping it as the copy that plays meanwhile', async () => {
    const { ledger } = setUp();
    await seed(ledger, 'downloading');
    expect(await ledger.replace(newDownloadRecord(other(), 'fallback'))).toBe(false);
    await ledger.transition('new-album', 'verifying');
    await ledger.transition('new-album', 'done');
    expect(await ledger.replace(newDownloadRecord(other(), 'fallback'))).toBe(true);
    const changing = await ledger.get('new-album');
    expect(changing?.state).toBe('queued');
    expect(changing?.release.title).toBe('New Album (High)');
    expect(changing?.replacing?.title).toBe('New Album');
  });

  it('cancelled, goes back to the finished copy; with nothing replaced, restore writes nothing', async () => {
    const { ledger } = setUp();
    await seed(ledger, 'done');
    expect(await ledger.restore('new-album')).toBeUndefined();
    await ledger.replace(newDownloadRecord(other(), 'fallback'));
    await ledger.transition('new-album', 'downloading');
    await ledger.transition('new-album', 'failed', { error: 'gone' });
    const restored = await ledger.restore('new-album');
    expect(restored).toMatchObject({ state: 'done', release: { title: 'New Album' }, bytesReceived: 350 });
    expect(restored?.replacing).toBeUndefined();
    expect(restored?.error).toBeUndefined();
  });
});
