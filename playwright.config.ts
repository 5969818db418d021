import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/fixtures/chromium-path.js';

const executablePath = chromiumPath();

export default defineConfig({
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [
    { name: 'chromium', testDir: 'e2e/specs' },
    // Firefox through puppeteer-core (WebDriver BiDi): these specs launch it themselves.
    { name: 'firefox', testDir: 'e2e/firefox' },
    // WebKit (Safari's engine) as WebKitGTK, through WebKitWebDriver in Xvfb: these specs launch it themselves.
    { name: 'webkit', testDir: 'e2e/webkit' },
  ],
});
