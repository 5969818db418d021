import { expect, test } from '@playwright/test';
import { ServerProcess } from '../fixtures/server-process.js';

// Settings, Downloads, an artist and Now Playing are not in the entry script: each loads when
// first opened (client/components/page-modules.ts). When that load fails — the network dropped
// on a first visit, before the SW had the app — the page says so and opens on Try again.
// The context has no SW (as in a private window where the browser gives none), so the page's
// module can only come from the network, which drops exactly that file.
test('a page whose part of the app does not load says so, and opens on Try again', async ({ browser }) => {
  const server = new ServerProcess();
  await server.start();
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await context.route(/\/assets\/settings-view-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(server.origin);
    await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings did not open', level: 1 })).toBeVisible();
    await expect(page.getByText('check the connection')).toBeVisible();

    await context.unrouteAll();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Settings did not open' })).toHaveCount(0);
    // With no SW, Settings still says what this browser allows (it waited for an install before).
    await expect(page.getByRole('button', { name: 'Notify me about new releases' })).toBeEnabled({ timeout: 5000 });
    await expect(page.getByText('Checking whether alerts are on')).toHaveCount(0);

    // The other pages loaded once the app was idle, without being opened.
    await nav.getByRole('link', { name: 'Downloads' }).click();
    await expect(page.getByRole('heading', { name: 'Downloads', level: 1 })).toBeVisible();
    const defined = () => page.evaluate(() => ['artist-view', 'now-playing-view'].filter((tag) => customElements.get(tag)));
    await expect.poll(defined).toEqual(['artist-view', 'now-playing-view']);
  } finally {
    await context.close();
    await server.dispose();
  }
});
