import { expect, test } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { CHECKED_ROWS, promisedSupport, readSettingsStatements } from '../fixtures/browser-support-table.js';

// The README's browser support table is the promise; Chromium must do what its column says.
test('Chromium does what the README browser support table says', async () => {
  const { page, origin, tearDown } = await startAppSession();
  try {
    await page.goto(`${origin}/settings`);
    await expect(page.getByRole('heading', { name: 'What this browser can do' })).toBeVisible();
    const statements = await page.evaluate(readSettingsStatements);
    const promised = promisedSupport('Chromium');
    for (const { feature } of CHECKED_ROWS) expect(statements[feature]?.startsWith('Yes'), feature).toBe(promised[feature]);
  } finally {
    await tearDown();
  }
});
