/**
 * The staff day in a real browser, on the local stack, with the keyboard alone: signing in at the workforce issuer
 * (code + PKCE; locally the hosted UI's stand-in), every page in Latvian and English passing axe at 320 CSS px, and
 * the same journeys with JavaScript disabled.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checked, expectAccessible, launchChromium, newContext, portalUrl, tabTo, type Chromium } from './support/browser';
import { signInAtIdp, signInAtWorkforceIdp, type Member } from './support/journeys';
import { uniquePersonalCode } from '../support/fixtures';

let chromium: Chromium;
beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  console.info(`axe: ${checked.length} page checks, ${checked.filter((entry) => entry.violations > 0).length} with violations`);
});

const opened = async (context: BrowserContext, path: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`${portalUrl}${path}`);
  return page;
};

/** The sign-out button is in the header, on every page of a signed-in member. */
const signOut = async (page: Page) => {
  await tabTo(page, 'header form button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
};

const anna: Member = { role: 'staff', username: 'anna', services: ['social-rehabilitation'] };

const runs = [
  { name: 'with JavaScript', javaScript: true },
  { name: 'with JavaScript disabled', javaScript: false },
] as const;

describe.each(runs)('the workforce sign-in, $name', ({ javaScript }) => {
  const check = javaScript;
  const accessible = async (page: Page, name: string) => {
    if (check) await expectAccessible(page, name);
  };

  it.each(['lv', 'en'] as const)('a staff page sends a signed-out visitor to the workforce sign-in and back, and signing out ends the session (%s)', async (language) => {
    const context = await newContext(chromium, { javaScript });
    const page = await opened(context, language === 'en' ? '/en/work' : '/darbs');
    await signInAtWorkforceIdp(page, anna, language, check);
    expect(page.url()).toBe(`${portalUrl}${language === 'en' ? '/en/work' : '/darbs'}`);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await page.locator('main').innerText()).toContain(language === 'en' ? 'Signed in: anna' : 'Pieteicies: anna');
    await accessible(page, `workforce home (${language})`);
    await signOut(page);
    expect(await page.locator('h1').innerText()).toBe(language === 'en' ? 'You have signed out' : 'Jūs izgājāt');
    await accessible(page, `workforce signed out (${language})`);
    const again = await context.request.get(`${portalUrl}/darbs`, { maxRedirects: 0 });
    expect(again.status()).toBe(303);
    expect(again.headers().location).toBe('/darbs/ieiet?returnTo=%2Fdarbs');
    await context.close();
  });

  it('a citizen signed in with eID gets the 403 page on a workforce page, not the workforce sign-in', async () => {
    const context = await newContext(chromium, { javaScript });
    const page = await opened(context, '/ieiet');
    await signInAtIdp(page, { personalCode: uniquePersonalCode(), givenName: 'Jānis', familyName: 'Bērziņš', email: 'janis@example.lv' }, 'lv', false);
    const response = await page.goto(`${portalUrl}/darbs`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('Jums nav piekļuves šai lapai');
    await accessible(page, 'workforce page for a citizen: 403 (lv)');
    await context.close();
  });
});
