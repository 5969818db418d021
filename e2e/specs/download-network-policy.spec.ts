import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { cachedMediaUrls, ledgerRecord } from '../fixtures/download-helpers.js';

// "Download only on Wi-Fi or other unmetered connections", for a download the person asks for.
// Desktop Chromium tells a page only whether Data Saver is on (navigator.connection has no `type`
// there), so the metered connection is the phone's Data Saver, set through CDP as the person
// would in the phone's settings; moving onto another network is CDP's network emulation, which
// fires the connection's `change` event as a phone joining Wi-Fi does.
test('a download waits for Wi-Fi while the connection is metered, and starts by itself once it is not', async () => {
  test.setTimeout(90_000);
  const t = await startAppSession({ viewport: { width: 390, height: 844 } });
  const { page } = t;
  try {
    const cdp = await t.browser.context.newCDPSession(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    const onlyUnmetered = page.getByRole('checkbox', { name: 'Download only on Wi-Fi or other unmetered connections' });
    await onlyUnmetered.check();
    // The browser's limits are said, not hidden.
    await expect(page.getByText('only whether Data Saver is on')).toBeVisible();

    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
    await openReleaseFromLibrary(page, 'Harbour Lights');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(page.getByText('Waiting for Wi-Fi')).toBeVisible();
    await page.waitForTimeout(2_000);
    expect(await ledgerRecord(page, 'harbour-lights')).toMatchObject({ state: 'queued', waitingFor: 'unmetered' });
    expect(await cachedMediaUrls(page, 'harbour-lights')).toEqual([]);

    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: false });
    await cdp.send('Network.enable');
    // Another network: its round trip and bandwidth differ from the last one's, which is what makes
    // the browser fire `change` (emulating the same figures again fires nothing).
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 100,
      downloadThroughput: 10_000_000,
      uploadThroughput: 2_000_000,
      connectionType: 'wifi',
    });
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 45_000 });
  } finally {
    await t.tearDown();
  }
});

test('turning the choice off starts a download that waited for Wi-Fi', async () => {
  test.setTimeout(90_000);
  const t = await startAppSession();
  const { page } = t;
  try {
    const cdp = await t.browser.context.newCDPSession(page);
    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Download only on Wi-Fi or other unmetered connections' }).check();
    await openReleaseFromLibrary(page, 'Signal Garden');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(page.getByText('Waiting for Wi-Fi')).toBeVisible();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Download only on Wi-Fi or other unmetered connections' }).uncheck();
    await openReleaseFromLibrary(page, 'Signal Garden');
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 45_000 });
  } finally {
    await t.tearDown();
  }
});
