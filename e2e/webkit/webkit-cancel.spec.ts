import { expect, test } from '@playwright/test';
import { cachedMediaUrlsInPage, ledgerQuery, ledgerRecordInPage, mediaQuery } from '../fixtures/stored-download.js';
import { clickButton, waitForText } from '../fixtures/webkit.js';
import { startWebKitSession } from '../fixtures/webkit-session.js';

// What must hold: Cancel in the middle of a WebKit download leaves nothing behind: the release
// says "Not downloaded" again, no part of it is in the media cache and the ledger has no record,
// also once the parts that were in flight would have had time to finish.
test('WebKit: cancelling a download leaves no cached part and no ledger record', async () => {
  const t = await startWebKitSession('/releases/signal-garden');
  try {
    t.proxy.throttle(40_000);
    await waitForText(t.page, 'Not downloaded');
    await clickButton(t.page, 'Download');
    await waitForText(t.page, /Downloading \d+ ?%/);
    await clickButton(t.page, 'Cancel download');
    await waitForText(t.page, 'Not downloaded');
    // Full speed again: a fetch the cancel failed to stop would now finish and store its part.
    t.proxy.throttle(undefined);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await t.page.evaluate(cachedMediaUrlsInPage, mediaQuery('albums/signal-garden'))).toEqual([]);
    expect(await t.page.evaluate(ledgerRecordInPage, ledgerQuery('signal-garden'))).toBeNull();
    await waitForText(t.page, 'Not downloaded');
  } finally {
    await t.tearDown();
  }
});
