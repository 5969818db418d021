import { expect, test } from '@playwright/test';
import { appText, waitForText } from '../fixtures/webkit.js';
import { startWebKitSession } from '../fixtures/webkit-session.js';

// What must hold: one visit is enough. After a single visit (no reload), with the server stopped,
// the library opens from the SW with the page it stored, and so does a deep link never opened
// before (with what the library knew of it, and why its tracks are not there). And a first visit is not an update: WebKit once showed "A new version … is ready" here,
// having told the page of the first worker's install after that worker had already claimed it.
test('WebKit: after one visit, the library and a deep link open with the server stopped', async () => {
  const t = await startWebKitSession();
  try {
    expect(await appText(t.page)).not.toContain('A new version of Stowaway is ready');
    await t.server.stop();
    await t.page.goto(t.origin);
    await waitForText(t.page, 'You are offline');
    const library = await appText(t.page);
    for (const title of ['Harbour Lights', 'Signal Garden', 'Test Pattern']) expect(library).toContain(title);
    await t.page.goto(`${t.origin}/releases/harbour-lights`);
    await waitForText(t.page, 'cannot play offline');
    expect(await appText(t.page)).toContain('Harbour Lights');
  } finally {
    await t.tearDown();
  }
});
