import { expect, test } from '@playwright/test';
import { CHECKED_ROWS, promisedSupport, readSettingsStatements } from '../fixtures/browser-support-table.js';
import { FaultProxy } from '../fixtures/fault-proxy.js';
import { appText, clickButton, launchFirefox, openAppInFirefox, waitForText } from '../fixtures/firefox.js';
import { copySampleMedia, newAlbumFrom, publishRelease } from '../fixtures/sample-release.js';
import { ServerProcess } from '../fixtures/server-process.js';

// Real Firefox (no Background Fetch, no Periodic Sync), driven by puppeteer-core over WebDriver BiDi.

test('Firefox: the shell, the library seen and a deep link render with the server stopped', async () => {
  const server = new ServerProcess();
  await server.start();
  const proxy = new FaultProxy(() => server.port);
  await proxy.start();
  const firefox = await launchFirefox();
  const { page } = firefox;
  try {
    await openAppInFirefox(page, proxy.origin);
    await server.stop();
    await page.reload();
    await waitForText(page, 'You are offline');
    expect(await appText(page)).toContain('Signal Garden');
    // Never opened: what the library showed of it, and why there is no more.
    await page.goto(`${proxy.origin}/releases/test-pattern`);
    await waitForText(page, 'cannot play offline');
    expect(await appText(page)).toContain('Test Pattern');
    await page.goto(`${proxy.origin}/downloads`);
    await waitForText(page, 'Nothing is stored for offline use yet');
  } finally {
    await firefox.close();
    await proxy.stop();
    await server.dispose();
  }
});

test('Firefox: opening the app refreshes the catalog and shows a release published while it was closed', async () => {
  const mediaDir = copySampleMedia();
  const server = new ServerProcess({ mediaDir });
  await server.start();
  const firefox = await launchFirefox();
  const { page } = firefox;
  try {
    await openAppInFirefox(page, server.origin);
    await page.goto('about:blank'); // the app is closed
    const release = newAlbumFrom(mediaDir, 'signal-garden', 'signal-garden-live', 'Signal Garden Live');
    const res = await publishRelease(server.origin, release);
    expect(res.status).toBe(201);
    await page.goto(server.origin);
    await waitForText(page, 'Signal Garden Live');
    // …and it stays in the library offline, because the SW stored the library page it was on.
    await server.stop();
    await page.reload();
    await waitForText(page, 'You are offline');
    expect(await appText(page)).toContain('Signal Garden Live');
  } finally {
    await firefox.close();
    await server.dispose();
  }
});

test('Firefox: Settings offers only what Firefox can do, and says why', async () => {
  const server = new ServerProcess();
  await server.start();
  const firefox = await launchFirefox();
  const { page } = firefox;
  try {
    await openAppInFirefox(page, server.origin);
    await page.goto(`${server.origin}/settings`);
    await waitForText(page, 'What this browser can do');
    // The README's table is the promise: Firefox must do what its column says.
    const statements = await page.evaluate(readSettingsStatements);
    const promised = promisedSupport('Firefox');
    for (const { feature } of CHECKED_ROWS) expect(statements[feature]?.startsWith('Yes'), feature).toBe(promised[feature]);
    const text = await appText(page);
    expect(text).toContain('Downloads that continue with the app closed No — downloads run while Stowaway is open');
    expect(text).toContain('Catalog refresh in the background No — the catalog refreshes each time you open the app');
    expect(text).not.toContain('Refresh the catalog in the background (about once a day)');
    await page.goto(`${server.origin}/releases/harbour-lights`);
    await waitForText(page, 'Download');
    expect((await appText(page)).toLowerCase()).not.toContain('background download');
    await expect(clickButton(page, 'Refresh the catalog in the background (about once a day)')).rejects.toThrow();
  } finally {
    await firefox.close();
    await server.dispose();
  }
});
