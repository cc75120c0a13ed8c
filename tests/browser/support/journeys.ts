/** The steps of the citizen journeys, done with the keyboard alone; each page passes axe and the 320 px check. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { choose, expectAccessible, portalUrl, select, submit, tabTo, tick, typeInto } from './browser';

export type Language = 'lv' | 'en';

export const words = {
  lv: { continue: 'Turpināt', send: 'Iesniegt pieteikumu', signInButton: 'Pieteikties', sent: 'Pieteikums iesniegts', reference: 'Jūsu pieteikuma numurs: ' },
  en: { continue: 'Continue', send: 'Send application', signInButton: 'Sign in', sent: 'Application sent', reference: 'Your reference number: ' },
} as const;

export const prefix = (language: Language) => (language === 'en' ? '/en' : '');
export const at = (language: Language, lvPath: string, enPath: string) => `${portalUrl}${language === 'en' ? enPath : lvPath}`;

/** A day `days` before today, as YYYY-MM-DD. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export interface Person {
  readonly personalCode: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
}

/** The local eID page: personal code, name, e-mail; then back at the portal. */
export const signInAtIdp = async (page: Page, person: Person, language: Language, check = true) => {
  await page.waitForURL(/\/interaction\//);
  if (check) await expectAccessible(page, `eID sign-in (${language})`);
  await typeInto(page, 'personal_code', person.personalCode);
  await typeInto(page, 'given_name', person.givenName);
  await typeInto(page, 'family_name', person.familyName);
  await typeInto(page, 'email', person.email);
  await tabTo(page, 'button[type="submit"]');
  await Promise.all([page.waitForURL((url) => url.href.startsWith(portalUrl)), page.keyboard.press('Enter')]);
};

/** Each page: checked, then its answers given, then Continue. */
export const step = async (page: Page, name: string, answer: () => Promise<void>, check: boolean) => {
  if (check) await expectAccessible(page, name);
  await answer();
  await submit(page);
};

/** Applies for social rehabilitation (functional impairment), from the first apply page to the confirmation. */
export const applyForSocialRehabilitation = async (page: Page, language: Language, options: { check: boolean; representing?: Person }) => {
  const { check } = options;
  await step(page, `apply: for whom (${language})`, () => choose(page, 'for', options.representing ? 'representative' : 'self'), check);
  if (options.representing) {
    const person = options.representing;
    await step(page, `apply: represented person (${language})`, async () => {
      await typeInto(page, 'applicant.givenName', person.givenName);
      await typeInto(page, 'applicant.familyName', person.familyName);
      await typeInto(page, 'applicant.personalCode', person.personalCode);
    }, check);
    await step(page, `apply: right to represent (${language})`, async () => {
      await choose(page, 'representative.kind', 'legal-representative');
      await choose(page, 'representative.document.type', 'birth-certificate');
      await typeInto(page, 'representative.document.number', 'DA-123456');
      await typeInto(page, 'representative.document.issuedOn', '2015-05-05');
    }, check);
  }
  await step(page, `apply: track (${language})`, () => choose(page, 'track', 'functional-impairment'), check);
  await step(page, `apply: date of birth (${language})`, () => typeInto(page, 'applicant.dateOfBirth', options.representing ? '1990-04-04' : '1980-02-02'), check);
  await step(page, `apply: address (${language})`, async () => {
    await select(page, 'applicant.address.municipality', 'jurmala');
    await typeInto(page, 'applicant.address.line', 'Dubultu prospekts 71');
    await typeInto(page, 'applicant.address.postcode', 'LV-2015');
  }, check);
  await step(page, `apply: contact (${language})`, async () => {
    await typeInto(page, 'applicant.phone', '+371 20000000');
  }, check);
  await step(page, `apply: evidence (${language})`, async () => {
    await choose(page, 'evidence.disabilityGroup', 'II');
    await typeInto(page, 'evidence.selfAssessmentCompletedOn', daysAgo(3));
  }, check);
  await step(page, `apply: declarations (${language})`, async () => {
    await tick(page, 'declarations.informationIsTrue');
    await tick(page, 'declarations.consentToProcessing');
  }, check);
  if (check) await expectAccessible(page, `apply: check your answers (${language})`);
  // The same form open in a second tab, to be sent again after the first went through.
  const again = await page.context().newPage();
  await again.goto(page.url());
  await submit(page);
  expect((await page.locator('h1').innerText()).trim()).toBe(words[language].sent);
  const panel = (await page.locator('.govuk-panel__body').innerText()).trim();
  expect(panel.startsWith(words[language].reference)).toBe(true);
  if (check) await expectAccessible(page, `apply: confirmation (${language})`);
  const reference = panel.slice(words[language].reference.length);
  await submit(again);
  expect(await again.locator('.govuk-panel__body').innerText()).toContain(reference);
  await again.close();
  return reference;
};

/** A member of the workforce as the local sign-in page takes them: staff with services, an officer with an organisation. */
export type Member =
  | { readonly role: 'staff'; readonly username: string; readonly services?: readonly string[] }
  | { readonly role: 'social-service' | 'nva' | 'medical-institution' | 'armed-forces'; readonly username: string; readonly organisation: string };

/** The local workforce sign-in page (the hosted UI's stand-in): user name, role, services or organisation. */
export const signInAtWorkforceIdp = async (page: Page, member: Member, language: Language, check = true) => {
  await page.waitForURL(/\/interaction\//);
  if (check) await expectAccessible(page, `workforce sign-in (${language})`);
  await typeInto(page, 'username', member.username);
  await select(page, 'role', member.role);
  if (member.role === 'staff') await typeInto(page, 'services', (member.services ?? []).join(','));
  else await typeInto(page, 'organisation', member.organisation);
  await tabTo(page, 'button[type="submit"]');
  await Promise.all([page.waitForURL((url) => url.href.startsWith(portalUrl)), page.keyboard.press('Enter')]);
};
