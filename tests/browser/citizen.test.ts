/**
 * The citizen's journeys through the portal in a real browser, on the local stack, with the keyboard alone: every
 * page (errors included) passes axe and fits 320 CSS px; what a journey sends is then found with the API and in the
 * SES store, and staff decisions made with the API show on the person's pages.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniquePersonalCode } from '../support/fixtures';
import { api, emailsAbout, tokens, waitFor } from '../integration/support/local';
import { choose, expectAccessible, follow, chromiumForSpec, newContext, portalUrl, submit, typeInto } from './support/browser';
import { applyForSocialRehabilitation, signInAtIdp, type Person } from './support/journeys';

const chromium = chromiumForSpec();

const person = (email: string): Person => ({ personalCode: uniquePersonalCode(), givenName: 'Līga', familyName: 'Ozoliņa', email });

const opened = async (context: BrowserContext, path: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`${portalUrl}${path}`);
  return page;
};

/** Signs in from the service page and applies; returns the page on the confirmation and the application's id. */
const applied = async (context: BrowserContext, applicant: Person, language: 'lv' | 'en', options: { check: boolean; representing?: Person }) => {
  const page = await opened(context, language === 'en' ? '/en/services/social-rehabilitation' : '/pakalpojumi/social-rehabilitation');
  await follow(page, language === 'en' ? 'Apply' : 'Pieteikties');
  await signInAtIdp(page, applicant, language, false);
  const reference = await applyForSocialRehabilitation(page, language, options);
  const id = (await page.locator('main a').first().getAttribute('href'))!.split('/').pop()!;
  return { page, reference, id };
};

/**
 * Every journey runs twice: with JavaScript, where axe checks each page, and with JavaScript disabled. The portal
 * ships no script at all (its CSP allows none), so the pages are the same in both runs and axe checks them once;
 * the second run proves that nothing a journey needs depends on the browser running script.
 */
const runs = [
  { name: 'with JavaScript', javaScript: true },
  { name: 'with JavaScript disabled', javaScript: false },
] as const;

describe.each(runs)('the journeys, $name', ({ javaScript }) => {
  const check = javaScript;
  const contextFor = () => newContext(chromium(), { javaScript });
  const accessible = async (page: Page, name: string) => {
    if (check) await expectAccessible(page, name);
  };

  it('the start page lists every service with who it is for and what to prepare, in Latvian and in English', async () => {
    const context = await contextFor();
    const page = await opened(context, '/');
    expect(await page.locator('html').getAttribute('lang')).toBe('lv');
    expect(await page.locator('main h2').count()).toBe(7);
    await accessible(page, 'start (lv)');
    await follow(page, 'English');
    expect(page.url()).toBe(`${portalUrl}/en`);
    expect(await page.locator('h1').innerText()).toBe("Apply for SIVA's services");
    await accessible(page, 'start (en)');
    await follow(page, 'Social rehabilitation');
    expect(page.url()).toBe(`${portalUrl}/en/services/social-rehabilitation`);
    await accessible(page, 'service (en)');
    await context.close();
  });

  it('the pre-check, without signing in, asks one question a page and answers with the outcome, reasons and what to prepare (lv)', async () => {
    const context = await contextFor();
    const page = await opened(context, '/pakalpojumi/social-rehabilitation');
    await accessible(page, 'service (lv)');
    await follow(page, 'Pārbaudīt, vai pakalpojums der');
    await accessible(page, 'pre-check: group (lv)');
    await submit(page);
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await accessible(page, 'pre-check: group, with an error (lv)');
    await choose(page, 'track', 'after-medical-rehabilitation');
    await submit(page);
    await accessible(page, 'pre-check: date of birth (lv)');
    await typeInto(page, 'dateOfBirth', 'vakar');
    await submit(page);
    expect(await page.locator('.govuk-error-summary a').innerText()).toContain('GGGG-MM-DD');
    await accessible(page, 'pre-check: date of birth, with an error (lv)');
    await typeInto(page, 'dateOfBirth', '1980-02-02');
    await submit(page);
    // The rules still need the end of medical rehabilitation: asked next, then the outcome.
    expect(page.url()).toContain('/details');
    await accessible(page, 'pre-check: a fact the rules need (lv)');
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
    await accessible(page, 'pre-check: result, not eligible (lv)');
    await context.close();
  });

  it('applying signs in with code + PKCE, asks one page at a time, a second send shows the first confirmation, and the e-mail links back (lv)', async () => {
    const context = await contextFor();
    const page = await opened(context, '/pakalpojumi/social-rehabilitation');
    const applicant = person('liga.ozolina@example.lv');
    await follow(page, 'Pieteikties');
    await signInAtIdp(page, applicant, 'lv', check);
    expect(page.url()).toBe(`${portalUrl}/pieteikties/social-rehabilitation/who`);
    const reference = await applyForSocialRehabilitation(page, 'lv', { check });
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

    // The confirmation's link opens the application's page in the person's language, after signing in on the way.
    const confirmation = mails.find((mail) => mail.destination.to[0] === applicant.email)!;
    const link = /https?:\/\/\S+\/pieteikumi\/[\w-]+/.exec(confirmation.body.text ?? '')?.[0];
    expect(link).toMatch(new RegExp(`^${portalUrl}/pieteikumi/[0-9a-f-]{36}$`));
    const fromMail = await contextFor();
    const reader = await fromMail.newPage();
    await reader.goto(link!);
    await signInAtIdp(reader, applicant, 'lv', false);
    expect(reader.url()).toBe(link);
    expect(await reader.locator('main').innerText()).toContain(reference);
    await fromMail.close();
    await context.close();
  });

  it('following an application shows status in words, what is asked and by when, takes the documents report, shows the queue, and withdraws (en)', async () => {
    const context = await contextFor();
    const applicant = person('janis.kalnins@example.lv');
    const { page, id, reference } = await applied(context, applicant, 'en', { check: false });
    const staff = await (await tokens()).workforce('staff', 'anna');
    const decide = (decision: Record<string, unknown>) => api(`/staff/applications/${id}/decisions`, { token: staff, json: decision });
    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    expect((await decide({ type: 'register', expectedVersion: 1 })).status).toBe(200);
    expect((await decide({ type: 'request-documents', expectedVersion: 2, documents: ["GP's statement"], deadline })).status).toBe(200);

    await follow(page, 'My applications');
    expect(page.url()).toBe(`${portalUrl}/en/applications`);
    expect(await page.locator('main').innerText()).toContain(reference);
    await accessible(page, 'my applications (en)');
    await follow(page, 'Social rehabilitation');
    const detail = await page.locator('main').innerText();
    expect(detail).toContain('Documents needed');
    expect(detail).toContain(deadline);
    expect(detail).toContain("GP's statement");
    expect(detail).toContain(reference);
    await accessible(page, 'application: documents requested (en)');

    await follow(page, 'Tell us the documents are sent');
    await accessible(page, 'report documents (en)');
    await submit(page);
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await accessible(page, 'report documents, with errors (en)');
    await typeInto(page, 'documents', "GP's statement");
    await choose(page, 'sentBy', 'email');
    await submit(page);
    expect(await page.locator('h1').innerText()).toBe('Thank you, we have your message');
    await accessible(page, 'documents reported (en)');

    expect((await decide({ type: 'admit-to-queue', expectedVersion: 4 })).status).toBe(200);
    await follow(page, 'Back to the application');
    expect(page.url()).toBe(`${portalUrl}/en/applications/${id}`);
    expect(await page.locator('main').innerText()).toMatch(/In the queue[\s\S]*Place in the queue\s*Number \d+/);
    await accessible(page, 'application: queued (en)');

    await follow(page, 'Withdraw the application');
    await accessible(page, 'withdraw (en)');
    await submit(page);
    expect(await page.locator('h1').innerText()).toBe('Application withdrawn');
    await accessible(page, 'withdrawn (en)');
    const read = await api(`/applications/${id}`, { token: await (await tokens()).citizen(applicant.personalCode) });
    expect(read.body.status).toBe('withdrawn');
    await context.close();
  });

  it('a representative names the person and their right, and both can follow it (en)', async () => {
    const context = await contextFor();
    const representative = person('parent@example.lv');
    const represented: Person = { personalCode: uniquePersonalCode(), givenName: 'Anna', familyName: 'Bērziņa', email: 'anna.berzina@example.lv' };
    const { page, id, reference } = await applied(context, representative, 'en', { check, representing: represented });
    await follow(page, 'My applications');
    expect(await page.locator('main').innerText()).toContain(reference);
    // The represented person signs in with their own eID name (a personal code alone names no one: core/access.ts).
    const asRepresented = await api(`/applications/${id}`, {
      token: await (await tokens()).citizen(represented.personalCode, { givenName: represented.givenName, familyName: represented.familyName }),
    });
    expect(asRepresented.status).toBe(200);
    expect(asRepresented.body.channel).toBe('representative');
    expect(asRepresented.body.applicant).toMatchObject({ givenName: 'Anna', familyName: 'Bērziņa' });
    expect(asRepresented.body.representative).toMatchObject({ kind: 'legal-representative', givenName: representative.givenName });
    await context.close();
  });
});

describe('bad input gets a clear page, and nothing is stored', () => {
  it('a tampered or missing CSRF token, an ended session, someone else\'s application, hostile and huge values', async () => {
    const context = await newContext(chromium());
    const owner = await applied(context, person('owner@example.lv'), 'lv', { check: false });

    // Someone else signs in and tries the owner's application by its address: the 404 page.
    const other = await newContext(chromium());
    const page = await opened(other, '/en/sign-in');
    const intruder = person('other@example.lv');
    await signInAtIdp(page, intruder, 'en', false);
    const response = await page.goto(`${portalUrl}/en/applications/${owner.id}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    await expectAccessible(page, 'not found (en)');

    // A form whose CSRF token was changed, and one without it: refused, nothing stored.
    await page.goto(`${portalUrl}/en/apply/social-rehabilitation/who`);
    await page.evaluate("document.querySelector('main input[name=csrf]').value = 'forged'");
    await choose(page, 'for', 'self');
    await submit(page);
    expect(await page.locator('h1').innerText()).toBe('The form could not be accepted');
    await expectAccessible(page, 'CSRF refused (en)');
    const bare = await page.request.post(`${portalUrl}/en/apply/social-rehabilitation/who`, { form: { for: 'self' }, maxRedirects: 0 });
    expect(bare.status()).toBe(403);

    // Hostile text is shown as text, never as markup; a huge form is refused whole.
    await page.goto(`${portalUrl}/en/apply/social-rehabilitation/who`);
    await choose(page, 'for', 'self');
    await submit(page);
    await choose(page, 'track', 'functional-impairment');
    await submit(page);
    await typeInto(page, 'applicant.dateOfBirth', '<script>alert(1)</script>');
    await submit(page);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('#f-applicant-dateOfBirth').inputValue()).toBe('<script>alert(1)</script>');
    await expectAccessible(page, 'apply: date of birth, hostile value (en)');
    const csrf = await page.locator('main input[name=csrf]').inputValue();
    const huge = await page.request.post(`${portalUrl}/en/apply/social-rehabilitation/about`, { form: { csrf, 'applicant.dateOfBirth': 'x'.repeat(70_000) }, maxRedirects: 0 });
    expect(huge.status()).toBe(413);
    expect(await huge.text()).toContain('Too much text');

    // The session ends (here: the server no longer knows it): a clear page, in the person's language.
    await other.clearCookies();
    await other.addCookies([{ name: 'siva_session', value: 'ended-session', url: portalUrl }]);
    const ended = await page.request.post(`${portalUrl}/pieteikties/social-rehabilitation/about`, { form: { csrf }, maxRedirects: 0 });
    expect(ended.status()).toBe(401);
    expect(await ended.text()).toContain('Sesija ir beigusies');
    // None of it filed anything for the intruder.
    const filed = await api('/applications', { token: await (await tokens()).citizen(intruder.personalCode) });
    expect(filed.body.items).toEqual([]);
    await other.close();
    await context.close();
  });
});
