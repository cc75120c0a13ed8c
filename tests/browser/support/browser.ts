/**
 * Debian's Chromium driven by playwright-core, and what every page must pass: axe (WCAG 2.0/2.1/2.2 A and AA) with
 * zero violations, and no horizontal scrolling at 320 CSS px. Keyboard helpers move only with Tab, arrows, Space and
 * Enter, so a journey done with them is done with the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const portalUrl = inject('portalUrl');

export interface Chromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Playwright gives each launch a fresh, temporary user-data-dir of its own (and removes it on close). */
export const launchChromium = async (): Promise<Chromium> => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
};

/** One Chromium for a spec file, launched before its tests and closed after them, with the axe tally printed. */
export const chromiumForSpec = (): (() => Chromium) => {
  let chromium: Chromium | undefined;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    console.info(`axe: ${checked.length} page checks, ${checked.filter((entry) => entry.violations > 0).length} with violations`);
  });
  return () => chromium!;
};

export const phone = { width: 320, height: 640 };
export const desktop = { width: 1280, height: 900 };

export const newContext = (chromium: Chromium, options: { javaScript?: boolean; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> =>
  chromium.browser.newContext({ viewport: options.viewport ?? phone, javaScriptEnabled: options.javaScript ?? true, locale: 'lv-LV' });

/** Pages checked in this run, with their axe violation counts (all must be 0), for the report. */
export const checked: { page: string; violations: number }[] = [];

/** axe with the WCAG 2.0, 2.1 and 2.2 A/AA tags finds nothing, and nothing scrolls sideways at the page's width. */
export const expectAccessible = async (page: Page, name: string) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  checked.push({ page: name, violations: results.violations.length });
  expect(results.violations.map((violation) => `${name}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
};

// Expressions, not functions: they run in the page, and this project compiles without the DOM's types.
const focusedMatches = (page: Page, selector: string) => page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);

/** Tabs forward until the element matching `selector` has focus (as a keyboard user would). */
export const tabTo = async (page: Page, selector: string, maxPresses = 80) => {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await focusedMatches(page, selector)) return;
    await page.keyboard.press('Tab');
  }
  const where = await page.evaluate<string>("location.pathname + ' | ' + (document.querySelector('h1')?.textContent ?? '').trim() + ' | ' + (document.querySelector('.govuk-error-summary')?.textContent ?? '').replace(/\\s+/g, ' ')");
  throw new Error(`${selector} not reached with Tab on ${where}`);
};

/** Tabs to a text field and types. */
export const typeInto = async (page: Page, name: string, text: string) => {
  await tabTo(page, `[name="${name}"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
};

/** Tabs into a radio group, then arrows to the choice (arrows select), Space to make sure it is checked. */
export const choose = async (page: Page, name: string, value: string) => {
  await tabTo(page, `input[name="${name}"]`);
  for (let presses = 0; presses < 20; presses += 1) {
    if (await focusedMatches(page, `input[name="${name}"][value="${value}"]`)) break;
    await page.keyboard.press('ArrowDown');
  }
  if (!(await focusedMatches(page, `input[name="${name}"][value="${value}"]:checked`))) await page.keyboard.press('Space');
};

/**
 * Tabs to a native select and moves to the option with the arrow keys: a closed select changes its value with each
 * press (Chromium on Linux and Windows), without a pointer or the option list opened. Down first, then up.
 */
export const select = async (page: Page, name: string, value: string) => {
  await tabTo(page, `select[name="${name}"]`);
  const selected = () => page.evaluate<string>('document.activeElement?.value ?? ""');
  for (const key of ['ArrowDown', 'ArrowUp']) {
    let current = await selected();
    while (current !== value) {
      await page.keyboard.press(key);
      const next = await selected();
      if (next === current) break;
      current = next;
    }
  }
  expect(await selected(), `${name} reached with the arrow keys`).toBe(value);
};

export const tick = async (page: Page, name: string) => {
  await tabTo(page, `input[name="${name}"]`);
  await page.keyboard.press('Space');
};

/** Tabs to the form's button and presses Enter; waits for the next page. */
export const submit = async (page: Page, buttonText?: string) => {
  await tabTo(page, buttonText ? `main button:text-is("${buttonText}"), main button` : 'main button[type="submit"], main .govuk-button');
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.keyboard.press('Enter')]);
};

/** Tabs to a link by its text and follows it. */
export const follow = async (page: Page, text: string) => {
  for (let presses = 0; presses < 120; presses += 1) {
    const focused = await page.evaluate<string>("document.activeElement?.tagName === 'A' ? document.activeElement.textContent.trim() : ''");
    if (focused === text) {
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      return;
    }
    await page.keyboard.press('Tab');
  }
  // Pressing Enter on whatever has focus would follow some other link and fail later, far from the cause.
  throw new Error(`the link "${text}" not reached with Tab on ${new URL(page.url()).pathname}`);
};
