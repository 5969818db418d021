import { expect, test } from '@playwright/test';
import { FaultProxy } from '../fixtures/fault-proxy.js';
import { appText, clickButton, launchFirefox, openAppInFirefox, openReleaseInFirefox, waitForText } from '../fixtures/firefox.js';
import { ServerProcess } from '../fixtures/server-process.js';
import { cachedMediaUrlsInPage, mediaQuery } from '../fixtures/stored-download.js';
import { samplePartCount } from '../fixtures/sample-release.js';

async function setUp() {
  const server = new ServerProcess();
  await server.start();
  const proxy = new FaultProxy(() => server.port);
  await proxy.start();
  const firefox = await launchFirefox();
  await openAppInFirefox(firefox.page, proxy.origin);
  return {
    server,
    proxy,
    page: firefox.page,
    async tearDown() {
      await firefox.close();
      await proxy.stop();
      await server.dispose();
    },
  };
}

const cachedUrls = (t: Awaited<ReturnType<typeof setUp>>, folder: string) =>
  t.page.evaluate(cachedMediaUrlsInPage, mediaQuery(folder));

// What must hold in a browser without Background Fetch: the fallback downloader fetches and checks
// every part (resuming a cut part with a Range request), and the SW then serves it offline with 206.
test('Firefox: on a first visit, download an album, resume a dropped part, then play and seek it offline', async () => {
  const t = await setUp();
  try {
    t.proxy.throttle(150_000);
    t.proxy.dropOnce('/media/albums/harbour-lights/03-night-ferry.webm', 60_000);
    await openReleaseInFirefox(t.page, 'Harbour Lights');
    await waitForText(t.page, 'Not downloaded');
    await clickButton(t.page, 'Download');
    await waitForText(t.page, /Downloading \d+ ?%/);
    t.proxy.throttle(undefined);
    await waitForText(t.page, 'Available offline', 30_000);
    const tries = t.proxy.requests.filter((r) => r.path.endsWith('03-night-ferry.webm'));
    expect(tries[0]?.range).toBeUndefined();
    expect(tries.slice(1).every((r) => /^bytes=[1-9]\d*-178449$/.test(r.range ?? ''))).toBe(true);
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(await cachedUrls(t, 'albums/harbour-lights')).toHaveLength(samplePartCount('harbour-lights'));

    await t.server.stop();
    await t.page.reload();
    await waitForText(t.page, 'Available offline');
    const answer = await t.page.evaluate(async () => {
      const res = await fetch('/media/albums/harbour-lights/03-night-ferry.webm', { headers: { Range: 'bytes=-1000' } });
      return { status: res.status, range: res.headers.get('Content-Range'), length: (await res.arrayBuffer()).byteLength };
    });
    expect(answer).toEqual({ status: 206, range: 'bytes 177450-178449/178450', length: 1000 });

    // Playing and seeking, from the SW alone. (Headless Firefox on a machine without a sound card
    // reports an audio-sink error, yet decodes and advances the clock; that clock is what is checked.)
    const clock = await t.page.evaluate(async () => {
      const audio = new Audio('/media/albums/harbour-lights/03-night-ferry.webm');
      await audio.play().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const afterStart = audio.currentTime;
      audio.currentTime = 19;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { afterStart, afterSeek: audio.currentTime };
    });
    expect(clock.afterStart).toBeGreaterThan(0.5);
    expect(clock.afterSeek).toBeGreaterThan(19.5);
  } finally {
    await t.tearDown();
  }
});

test('Firefox: cancel mid-download leaves nothing; a reload mid-download resumes it', async () => {
  const t = await setUp();
  try {
    t.proxy.throttle(40_000);
    await openReleaseInFirefox(t.page, 'Signal Garden');
    await waitForText(t.page, 'Not downloaded');
    await clickButton(t.page, 'Download');
    await waitForText(t.page, /Downloading \d+ ?%/);
    await clickButton(t.page, 'Cancel download');
    await waitForText(t.page, 'Not downloaded');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await cachedUrls(t, 'albums/signal-garden')).toEqual([]);

    await clickButton(t.page, 'Download');
    await waitForText(t.page, /Downloading \d+ ?%/);
    await t.page.reload();
    await waitForText(t.page, /Downloading \d+ ?%/);
    t.proxy.throttle(undefined);
    await waitForText(t.page, 'Available offline', 30_000);
    expect(await cachedUrls(t, 'albums/signal-garden')).toHaveLength(samplePartCount('signal-garden'));
    expect(await appText(t.page)).not.toContain('Download failed');
  } finally {
    await t.tearDown();
  }
});

// What must hold without Background Fetch too: Pause stops the download and keeps what arrived;
// Resume fetches only the rest; the stored bytes are exactly the catalog's.
test('Firefox: pause keeps what arrived, resume fetches only the rest', async () => {
  const t = await setUp();
  try {
    t.proxy.throttle(60_000);
    await openReleaseInFirefox(t.page, 'Signal Garden');
    await clickButton(t.page, 'Download');
    await expect.poll(() => cachedUrls(t, 'albums/signal-garden'), { timeout: 30_000 }).not.toEqual([]);
    await clickButton(t.page, 'Pause download');
    await waitForText(t.page, /Paused at \d+ ?%/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const kept = await cachedUrls(t, 'albums/signal-garden');
    const requestsWhilePaused = t.proxy.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(t.proxy.requests.length).toBe(requestsWhilePaused);

    t.proxy.throttle(undefined);
    await clickButton(t.page, 'Resume download');
    await waitForText(t.page, 'Available offline', 30_000);
    const fetchedAfter = t.proxy.requests.slice(requestsWhilePaused).map((r) => r.path);
    expect(fetchedAfter.filter((p) => kept.includes(p))).toEqual([]);
    expect(await cachedUrls(t, 'albums/signal-garden')).toHaveLength(samplePartCount('signal-garden'));
  } finally {
    await t.tearDown();
  }
});

// What must hold: a download asked for with the server down waits as such, and starts by itself
// (no reload, no click) once the server is back.
test('Firefox: a download asked for with the server down waits, then completes by itself', async () => {
  const t = await setUp();
  try {
    await openReleaseInFirefox(t.page, 'Harbour Lights');
    await t.server.stop();
    await clickButton(t.page, 'Download');
    await waitForText(t.page, 'Waiting for network');
    expect(await appText(t.page)).not.toMatch(/Downloading \d/);
    await t.server.start();
    await waitForText(t.page, 'Available offline', 45_000);
    expect(await cachedUrls(t, 'albums/harbour-lights')).toHaveLength(samplePartCount('harbour-lights'));
  } finally {
    await t.tearDown();
  }
});
