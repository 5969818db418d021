import { expect, test, type Page } from '@playwright/test';
import { startAppSession } from '../fixtures/app-session.js';
import { seriousViolations } from '../fixtures/axe.js';
import { openReleaseFromLibrary } from '../fixtures/browser.js';
import { downloadThroughUi } from '../fixtures/download-helpers.js';

/** The element that has focus, looked for through shadow roots: its tag and its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().replace(/\s+/g, ' ')}` : 'nothing';
  });

/**
 * Presses Tab five times in an open modal: each stop is one of `allowed` or, past the last control,
 * the browser's own controls (focus on <body>), never the page behind. Returns where focus went.
 */
async function tabAround(page: Page, allowed: RegExp): Promise<Set<string>> {
  const reached = new Set<string>();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.startsWith('body: ') || allowed.test(now), `Tab reached ${now}`).toBe(true);
    reached.add(now.startsWith('body') ? 'outside the page' : now);
  }
  return reached;
}

// Keyboard only: the first Tab reaches "Skip to content", and Enter moves focus past the header to
// the page itself, so the next Tab is inside the page, not in the navigation.
test('the skip link moves focus to the main content', async () => {
  const { page, origin, tearDown } = await startAppSession();
  try {
    await page.goto(`${origin}/settings`);
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a: Skip to content');
    // Its target is found from the document, as checkers (axe, Lighthouse) and the browser look.
    const href = (await page.getByRole('link', { name: 'Skip to content' }).getAttribute('href')) ?? '';
    expect(await page.evaluate((id) => document.getElementById(id)?.localName, href.slice(1))).toBe('stowaway-app');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('h1: Settings');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      // Up through the shadow roots to the app's <main>, if it is there.
      for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
        if (node instanceof HTMLElement && node.localName === 'main') return true;
      }
      return false;
    });
    expect(inMain, `after Skip to content, Tab reached ${await focused(page)}`).toBe(true);
  } finally {
    await tearDown();
  }
});

// A screen reader announces the page a person moves to: its heading takes focus, also when the page
// renders a moment after the route changed (a phone's slower CPU: Chromium throttled 4×).
test('a page opened from the navigation has its heading focused', async () => {
  const { page, origin, tearDown } = await startAppSession();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(origin);
    await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => focused(page)).toBe('h1: Settings');
    await nav.getByRole('link', { name: 'Downloads' }).click();
    await expect.poll(() => focused(page)).toBe('h1: Downloads');
  } finally {
    await tearDown();
  }
});

// "Remove all downloads…" asks in a modal dialog: focus starts on the safe choice, Tab stays in the
// dialog, Escape closes it and focus is back on the button that opened it; Remove then empties the list.
test('the remove-all dialog traps and restores focus and closes on Escape', async () => {
  const { page, tearDown } = await startAppSession({ bypassCSP: true });
  try {
    await downloadThroughUi(page, 'Harbour Lights');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Downloads' }).click();
    const open = page.getByRole('button', { name: 'Remove all downloads…' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove Harbour Lights?' });
    await expect(dialog).toBeVisible();
    expect(await focused(page)).toBe('button: Cancel');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `the open dialog in ${scheme}`).toEqual([]);
    }
    // The page behind is inert: Tab goes round the dialog's two buttons, and past the last one
    // leaves the document for the browser's own controls (focus on <body>), as a modal allows.
    const reached = await tabAround(page, /^button: (Cancel|Remove)$/);
    expect(reached).toContain('button: Remove');
    expect(reached).toContain('button: Cancel');
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await focused(page)).toBe('button: Remove all downloads…');

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await focused(page)).toBe('button: Remove all downloads…');

    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('Removed every download.')).toBeVisible();
    await expect(dialog).toBeHidden();
    expect(await focused(page)).toBe('h1: Downloads');
  } finally {
    await tearDown();
  }
});

// "Other quality…" asks in a modal too: focus starts on the quality already chosen, Tab stays in the
// dialog, Escape closes it without downloading anything, and focus is back on "Other quality…".
test('the quality dialog traps and restores focus and closes on Escape', async () => {
  const { page, tearDown } = await startAppSession({ viewport: { width: 390, height: 844 } });
  try {
    await openReleaseFromLibrary(page, 'Harbour Lights');
    const open = page.getByRole('button', { name: 'Other quality…' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Download quality' });
    await expect(dialog).toBeVisible();
    expect(await focused(page)).toBe('input: ');
    await expect(dialog.getByRole('radio', { name: /^Normal · / })).toBeFocused();
    const reached = await tabAround(page, /^(input: |button: (Cancel|Download))$/);
    expect(reached).toContain('button: Cancel');
    expect(reached).toContain('button: Download');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await focused(page)).toBe('button: Other quality…');
    await expect(page.getByText('Not downloaded')).toBeVisible();
  } finally {
    await tearDown();
  }
});
