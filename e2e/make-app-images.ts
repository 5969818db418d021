/**
 * `npm run app-images`: renders client/images/icon.svg into the manifest icons, and the running app
 * into the manifest screenshots, with the same Chromium as the tests. The output is committed.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './fixtures/chromium-path.js';
import { REPO_ROOT, ServerProcess } from './fixtures/server-process.js';

const publicDir = path.join(REPO_ROOT, 'client/public');
const svg = readFileSync(path.join(REPO_ROOT, 'client/images/icon.svg'), 'utf8');

const executablePath = chromiumPath();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
await mkdir(path.join(publicDir, 'icons'), { recursive: true });
await mkdir(path.join(publicDir, 'screenshots'), { recursive: true });

async function renderIcon(size: number, file: string, padding: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = size - 2 * padding;
  await page.setContent(
    `<body style="margin:0;background:#14213d"><div style="padding:${padding}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  await page.screenshot({ path: path.join(publicDir, 'icons', file), omitBackground: false });
  await page.close();
}
await renderIcon(192, 'icon-192.png', 0);
await renderIcon(512, 'icon-512.png', 0);
// Maskable: the safe zone is the central 80%, so the drawing is inset by 10% on each side.
await renderIcon(512, 'icon-maskable-512.png', 51);

const server = new ServerProcess();
await server.start();
for (const [name, width, height] of [
  ['catalog-wide', 1280, 800],
  ['catalog-narrow', 390, 844],
] as const) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(server.origin);
  await page.locator('release-card').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(publicDir, 'screenshots', `${name}.png`) });
  await page.close();
}
await server.dispose();
await browser.close();
console.log('wrote icons and screenshots to client/public');
