/**
 * The citizen's journeys through the portal in a real browser, on the local stack, with the keyboard alone: every
 * page (errors included) passes axe and fits 320 CSS px; what a journey sends is then found with the API and in the
 * SES store, and staff decisions made with the API show on the person's pages.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniquePersonalCode } from '../support/fixtures';
import { api, emailsAbout, tokens, waitFor } from '../integration/support/local';
import { checked, choose, expectAccessible, follow, launchChromium, newContext, portalUrl, submit, typeInto, type Chromium } from './support/browser';
import { applyForSocialRehabilitation, signInAtIdp, type Person } from './support/journeys';

let chromium: Chromium;
beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  console.info(`axe: ${checked.length} page checks, ${checked.filter((entry) => entry.violations > 0).length} with violations`);
});

const person = (email: string): Person => ({ personalCode: uniquePersonalCode(), givenName: 'Līga', familyName: 'Ozoliņa', email });

const opened = async (context: BrowserContext, path: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`${portalUrl}${path}`);
  return page;
};

describe('pages anyone can read', () => {
  it('the start page lists every service with who it is for and what to prepare, in Latvian and in English', async () => {
    const context = await newContext(chromium);
    const page = await opened(context, '/');
    expect(await page.locator('html').getAttribute('lang')).toBe('lv');
    expect(await page.locator('main h2').count()).toBe(7);
    await expectAccessible(page, 'start (lv)');
    await follow(page, 'English');
    expect(page.url()).toBe(`${portalUrl}/en`);
    expect(await page.locator('h1').innerText()).toBe("Apply for SIVA's services");
    await expectAccessible(page, 'start (en)');
    await follow(page, 'Social rehabilitation');
    await expectAccessible(page, 'service (en)');
    await context.close();
  });
});

describe('the pre-check, without signing in', () => {
  it('asks one question a page and answers with the outcome, reasons and what to prepare (lv)', async () => {
    const context = await newContext(chromium);
    const page = await opened(context, '/pakalpojumi/social-rehabilitation');
    await expectAccessible(page, 'service (lv)');
    await follow(page, 'Pārbaudīt, vai pakalpojums der');
    await expectAccessible(page, 'pre-check: group (lv)');
    await submit(page);
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'pre-check: group, with an error (lv)');
    await choose(page, 'track', 'after-medical-rehabilitation');
    await submit(page);
    await expectAccessible(page, 'pre-check: date of birth (lv)');
    await typeInto(page, 'dateOfBirth', 'vakar');
    await submit(page);
    expect(await page.locator('.govuk-error-summary a').innerText()).toContain('GGGG-MM-DD');
    await expectAccessible(page, 'pre-check: date of birth, with an error (lv)');
    await typeInto(page, 'dateOfBirth', '1980-02-02');
    await submit(page);
    // The rules still need the end of medical rehabilitation: asked next, then the outcome.
    expect(page.url()).toContain('/details');
    await expectAccessible(page, 'pre-check: a fact the rules need (lv)');
    await typeInto(page, 'evidence.medicalRehabilitationEndDate', new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10));
    await submit(page);
    while (page.url().includes('/details')) {
      const radio = page.locator('main input[type="radio"]').first();
      if (await radio.count()) await choose(page, (await radio.getAttribute('name'))!, (await radio.getAttribute('value'))!);
      await submit(page);
    }
    expect(page.url()).toContain('/result');
    const text = await page.locator('main').innerText();
    expect(text).toContain('neder');
    expect(text).toContain('2 mēnešu laikā');
    expect(text).toContain('Varbūt der kas cits');
    await expectAccessible(page, 'pre-check: result, not eligible (lv)');
    await context.close();
  });
});

describe('applying, signed in with eID', () => {
  it('signs in with code + PKCE, applies one page at a time, and a second send shows the first confirmation (lv)', async () => {
    const context = await newContext(chromium);
    const page = await opened(context, '/pakalpojumi/social-rehabilitation');
    const applicant = person('liga.ozolina@example.lv');
    await follow(page, 'Pieteikties');
    await signInAtIdp(page, applicant, 'lv');
    expect(page.url()).toBe(`${portalUrl}/pieteikties/social-rehabilitation/who`);
    const reference = await applyForSocialRehabilitation(page, 'lv', { check: true });
    expect(reference).toMatch(/^SIVA-\d{4}-\d{6}$/);

    // Back from the confirmation: the confirmation again, not a second application.
    await page.goBack();
    expect(await page.locator('.govuk-panel__body').innerText()).toContain(reference);

    // The API finds it for the same person, and the e-mails went out.
    const token = await (await tokens()).citizen(applicant.personalCode, { email: applicant.email });
    const list = await api('/applications', { token });
    expect(list.body.items.filter((item: { reference: string }) => item.reference === reference)).toHaveLength(1);
    const mails = await waitFor(async () => {
      const found = await emailsAbout(reference);
      return found.length >= 2 && found;
    });
    expect(mails.map((mail) => mail.destination.to[0])).toEqual(expect.arrayContaining([applicant.email]));
    await context.close();
  });
});
