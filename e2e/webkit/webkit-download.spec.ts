import { expect, test } from '@playwright/test';
import { cachedMediaUrlsInPage, ledgerQuery, ledgerRecordInPage, mediaQuery } from '../fixtures/stored-download.js';
import { clickButton, waitForText } from '../fixtures/webkit.js';
import { startWebKitSession } from '../fixtures/webkit-session.js';
import { samplePartCount } from '../fixtures/sample-release.js';

const CUT_PART = '/media/albums/harbour-lights/03-night-ferry.webm';
const CUT_AFTER = 60_000;

// What must hold: WebKit has no Background Fetch, so Download runs the fallback downloader, and it
// works on a first visit with no reload. A connection cut in the middle of a part is resumed with a
// Range request from where it stopped (not from zero), and the album ends "Available offline" with
// every part stored and its ledger record done.
test('WebKit: on a first visit, an album downloads through the fallback downloader and resumes a cut part by Range', async () => {
  const t = await startWebKitSession('/releases/harbour-lights');
  try {
    t.proxy.throttle(150_000); // slow enough to see it downloading, and to cut it mid-part
    t.proxy.dropOnce(CUT_PART, CUT_AFTER);
    await waitForText(t.page, 'Not downloaded');
    await clickButton(t.page, 'Download');
    await waitForText(t.page, /Downloading \d+ ?%/);
    t.proxy.throttle(undefined);
    await waitForText(t.page, 'Available offline', 30_000);

    const tries = t.proxy.requests.filter((r) => r.path === CUT_PART);
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(tries[0]?.range).toBeUndefined();
    const resumedFrom = Number(/^bytes=(\d+)-\d+$/.exec(tries[1]?.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThanOrEqual(CUT_AFTER);
    expect(await t.page.evaluate(cachedMediaUrlsInPage, mediaQuery('albums/harbour-lights'))).toHaveLength(
      samplePartCount('harbour-lights'),
    );
    expect((await t.page.evaluate(ledgerRecordInPage, ledgerQuery('harbour-lights')))?.state).toBe('done');
  } finally {
    await t.tearDown();
  }
});
