import { expect, test } from '@playwright/test';
import { CHECKED_ROWS, promisedSupport, readSettingsStatements } from '../fixtures/browser-support-table.js';
import { ServerProcess } from '../fixtures/server-process.js';
import { appText, clickButton, launchWebKit, waitForText } from '../fixtures/webkit.js';

// What must hold: Settings tells the truth in WebKit, and the README's WebKit column is that truth:
// no Background Fetch, no Periodic Sync, no Background Sync and (in WebKitGTK) no Web Push, so no
// switch is offered for alerts or background refresh, and nothing speaks of background downloads.
// Settings needs no service worker, so this runs without waiting for the app to be ready offline.
test('WebKit: Settings offers only what WebKit can do, as the README browser support table says', async () => {
  const server = new ServerProcess();
  await server.start();
  const webkit = await launchWebKit();
  const { page } = webkit;
  try {
    await page.goto(`${server.origin}/settings`);
    await waitForText(page, 'What this browser can do');
    // The switches render once their state is known; where there is no push, this says why.
    await waitForText(page, 'This browser cannot receive push notifications.');
    const statements = await page.evaluate(readSettingsStatements);
    const promised = promisedSupport('WebKit');
    for (const { feature } of CHECKED_ROWS) expect(statements[feature]?.startsWith('Yes'), feature).toBe(promised[feature]);
    expect(statements['push']).toBe('No — this browser has no Web Push');
    const text = await appText(page);
    expect(text).toContain('Downloads that continue with the app closed No — downloads run while Stowaway is open');
    await expect(clickButton(page, 'Notify me about new releases')).rejects.toThrow();
    expect(text).not.toContain('Refresh the catalog in the background (about once a day)');
    // No navigator.connection in WebKit: "only on Wi-Fi" cannot be kept, and Settings says so.
    expect(text).toContain('This browser does not say what kind of connection you are on, so downloads start on any connection.');

    await page.goto(`${server.origin}/releases/harbour-lights`);
    await waitForText(page, 'Not downloaded');
    expect((await appText(page)).toLowerCase()).not.toContain('background download');
  } finally {
    await webkit.close();
    await server.dispose();
  }
});
