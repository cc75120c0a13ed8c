/**
 * The staff day in a real browser, on the local stack, with the keyboard alone: signing in at the workforce issuer
 * (code + PKCE; locally the hosted UI's stand-in), every page in Latvian and English passing axe at 320 CSS px, and
 * the same journeys with JavaScript disabled.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { api, tokens } from '../integration/support/local';
import { functionalImpairmentApplication, uniquePersonalCode } from '../support/fixtures';
import { checked, desktop, expectAccessible, follow, launchChromium, newContext, portalUrl, submit, tabTo, typeInto, type Chromium } from './support/browser';
import { signInAtIdp, signInAtWorkforceIdp, type Member } from './support/journeys';

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

/** A new social-rehabilitation application, filed through the API by a new citizen. */
const filed = async () => {
  const token = await (await tokens()).citizen(uniquePersonalCode());
  const created = await api('/applications', { token, json: functionalImpairmentApplication(rigaDate(new Date())) });
  expect(created.status).toBe(201);
  return created.body as { id: string; reference: string };
};

const signedInStaff = async (javaScript: boolean, language: 'lv' | 'en', member: Member = anna, check = false) => {
  const context = await newContext(chromium, { javaScript });
  const page = await opened(context, language === 'en' ? '/en/work/applications' : '/darbs/pieteikumi');
  await signInAtWorkforceIdp(page, member, language, check);
  return { context, page };
};

describe.each(runs)('the staff day, $name', ({ javaScript }) => {
  const check = javaScript;
  const accessible = async (page: Page, name: string) => {
    if (check) await expectAccessible(page, name);
  };

  it.each(['lv', 'en'] as const)('takes an application from submitted to granted with the keyboard alone, each decision its own small form (%s)', async (language) => {
    const application = await filed();
    const { context, page } = await signedInStaff(javaScript, language);
    const words = language === 'en'
      ? { register: 'Register', queue: 'Admit to the queue', grant: 'Grant', requestDocuments: 'Request documents', granted: 'Granted', workList: 'Work list' }
      : { register: 'Reģistrēt', queue: 'Uzņemt rindā', grant: 'Piešķirt', requestDocuments: 'Pieprasīt dokumentus', granted: 'Piešķirts', workList: 'Darba saraksts' };
    expect(await page.locator('h1').innerText()).toBe(words.workList);
    await accessible(page, `work list (${language})`);
    await follow(page, application.reference);
    expect(await page.locator('h1').innerText()).toBe(application.reference);
    await accessible(page, `staff application (${language})`);

    // A decision with fields, sent empty: the API's messages on the fields, nothing decided.
    await follow(page, words.register);
    await submit(page);
    await follow(page, words.requestDocuments);
    await accessible(page, `decision: request documents (${language})`);
    await submit(page);
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await accessible(page, `decision: request documents, with errors (${language})`);
    await page.goto(`${portalUrl}${language === 'en' ? '/en/work/applications/' : '/darbs/pieteikumi/'}${application.id}`);

    await follow(page, words.queue);
    await submit(page);
    await follow(page, words.grant);
    await accessible(page, `decision: grant (${language})`);
    await typeInto(page, 'startsOn', '2027-01-11');
    await submit(page);
    expect(await page.locator('main').innerText()).toContain(words.granted);
    const stored = await api(`/staff/applications/${application.id}`, { token: await (await tokens()).workforce('staff', 'anna') });
    expect(stored.body.status).toBe('granted');
    expect(stored.body.decisions.map((decision: { type: string }) => decision.type)).toEqual(['register', 'admit-to-queue', 'grant']);
    await context.close();
  });

  it('a stale version shows what changed since, and changes nothing (lv)', async () => {
    const application = await filed();
    const { context, page } = await signedInStaff(javaScript, 'lv');
    await page.goto(`${portalUrl}/darbs/pieteikumi/${application.id}/lemums/register`);
    // Someone else registers it meanwhile.
    const other = await (await tokens()).workforce('staff', 'liga');
    expect((await api(`/staff/applications/${application.id}/decisions`, { token: other, json: { type: 'register', expectedVersion: 1 } })).status).toBe(200);
    await submit(page);
    expect(await page.locator('h1').innerText()).toBe('Kāds mainīja šo pieteikumu, kamēr jūs to lasījāt');
    expect(await page.locator('main').innerText()).toContain('Pieteikums reģistrēts');
    await accessible(page, 'decision: stale version (lv)');
    const stored = await api(`/staff/applications/${application.id}`, { token: other });
    expect(stored.body.version).toBe(2);
    await context.close();
  });
});

describe('workforce URLs, for the wrong people', () => {
  const staffUrls = (id: string) => [
    '/darbs/pieteikumi',
    `/darbs/pieteikumi/${id}`,
    `/darbs/pieteikumi/${id}/lemums/register`,
    `/darbs/pieteikumi/${id}/pielikumi/00000000-0000-4000-8000-000000000000`,
    '/en/work/applications',
    `/en/work/applications/${id}`,
  ];

  it('a staff member of another service gets the 404 page for the application, and a citizen the 403 page for every staff URL', async () => {
    const application = await filed();
    const { context } = await signedInStaff(true, 'lv', { role: 'staff', username: 'juris', services: ['driving-training'] });
    for (const url of staffUrls(application.id).filter((url) => url.includes(application.id))) {
      const response = await context.request.get(`${portalUrl}${url}`, { maxRedirects: 0 });
      expect(response.status(), url).toBe(404);
    }
    const list = await context.request.get(`${portalUrl}/darbs/pieteikumi`);
    expect(await list.text()).not.toContain(application.reference);
    await context.close();

    const citizen = await newContext(chromium, { viewport: desktop });
    const page = await opened(citizen, '/ieiet');
    await signInAtIdp(page, { personalCode: uniquePersonalCode(), givenName: 'Jānis', familyName: 'Bērziņš', email: 'janis@example.lv' }, 'lv', false);
    for (const url of staffUrls(application.id)) {
      const response = await citizen.request.get(`${portalUrl}${url}`, { maxRedirects: 0 });
      expect(response.status(), url).toBe(403);
    }
    await citizen.close();
  });
});
