/**
 * The staff day in a real browser, on the local stack, with the keyboard alone: signing in at the workforce issuer
 * (code + PKCE; locally the hosted UI's stand-in), every page in Latvian and English passing axe at 320 CSS px, and
 * the same journeys with JavaScript disabled.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { applicationItems } from '../../functions/adapters/entities/application';
import { createNotificationRepository } from '../../functions/adapters/notification-repository';
import { api, documentClient, local, tokens } from '../integration/support/local';
import { storedApplication } from '../support/stored-application';
import { functionalImpairmentApplication, uniquePersonalCode } from '../support/fixtures';
import { chromiumForSpec, desktop, expectAccessible, follow, newContext, portalUrl, submit, tabTo, typeInto } from './support/browser';
import { signInAtIdp, signInAtWorkforceIdp, type Member } from './support/journeys';

const chromium = chromiumForSpec();

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
    const context = await newContext(chromium(), { javaScript });
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
    const context = await newContext(chromium(), { javaScript });
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
  const context = await newContext(chromium(), { javaScript });
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

  it.each(['lv', 'en'] as const)('shows the counts per status at the top of the work list, each a link to the list of that status (%s)', async (language) => {
    await filed();
    const { context, page } = await signedInStaff(javaScript, language);
    const words = language === 'en' ? { caption: 'Applications in each status: all my services', submitted: 'Sent' } : { caption: 'Pieteikumi katrā statusā: visi mani pakalpojumi', submitted: 'Iesniegts' };
    const counts = page.locator('table.siva-status-counts');
    // The counts follow the table's stream a moment after the filing: the page is read again until they show it.
    for (let tries = 0; (await counts.count()) === 0 || !(await counts.innerText()).includes(words.submitted); tries += 1) {
      if (tries === 50) throw new Error('the counts never showed a sent application');
      await new Promise((done) => setTimeout(done, 200));
      await page.reload();
    }
    expect(await counts.locator('caption').innerText()).toBe(words.caption);
    const submittedRow = counts.locator('tr', { hasText: words.submitted });
    expect(Number(await submittedRow.locator('td').innerText())).toBeGreaterThanOrEqual(1);
    await accessible(page, `work list with counts (${language})`);
    await follow(page, words.submitted);
    expect(new URL(page.url()).searchParams.get('status')).toBe('submitted');
    expect(await page.locator('#status').inputValue()).toBe('submitted');
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

/** An application whose confirmation e-mail bounced (as the notifier records it), in a service of its own member. */
const withFailedEmail = async () => {
  const application = storedApplication({ serviceId: 'vehicle-adaptation', track: 'paid' });
  await documentClient().send(new PutCommand({ TableName: local.tableName, Item: applicationItems.toItem(application) }));
  const key = { applicationId: application.id, eventId: `${application.submittedAt}#submitted`, kind: 'applicant-confirmation' as const };
  const at = new Date().toISOString();
  const event = { applicationId: application.id, id: `${at}#failed`, type: 'notification_failed' as const, at, actor: { role: 'system' as const, subject: 'notifier' }, details: { notification: key.kind, sourceEventId: key.eventId, reason: 'bounced:Permanent:NoEmail', permanent: true } };
  expect(await createNotificationRepository(documentClient(), local.tableName).recordFailed(key, { code: 'bounced:Permanent:NoEmail', permanent: true }, event, 'vehicle-adaptation')).toBe(true);
  return application;
};

describe.each(runs)('undelivered e-mails, $name', ({ javaScript }) => {
  it.each(['lv', 'en'] as const)('are listed for the service with a resend button; resending takes the e-mail off the list (%s)', async (language) => {
    const application = await withFailedEmail();
    const { context, page } = await signedInStaff(javaScript, language, { role: 'staff', username: `ilze-${language}`, services: ['vehicle-adaptation'] });
    await page.goto(`${portalUrl}${language === 'en' ? '/en/work/notifications' : '/darbs/pazinojumi'}`);
    const listed = () => page.locator(`input[name="applicationId"][value="${application.id}"]`).count();
    expect(await listed()).toBe(1);
    if (javaScript) await expectAccessible(page, `undelivered e-mails (${language})`);
    await tabTo(page, `form:has(input[value="${application.id}"]) button`);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.locator('main').innerText()).toContain(language === 'en' ? 'queued to be sent again' : 'ielikts sūtīšanai vēlreiz');
    expect(await listed()).toBe(0);
    if (javaScript) await expectAccessible(page, `undelivered e-mails, one resent (${language})`);
    await context.close();
  });
});

describe('workforce URLs, for the wrong people', () => {
  const staffUrls = (id: string) => [
    '/darbs/pieteikumi',
    `/darbs/pieteikumi/${id}`,
    `/darbs/pieteikumi/${id}/lemums/register`,
    `/darbs/pieteikumi/${id}/pielikumi/00000000-0000-4000-8000-000000000000`,
    '/darbs/pazinojumi',
    '/en/work/applications',
    `/en/work/applications/${id}`,
    '/en/work/notifications',
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

    const citizen = await newContext(chromium(), { viewport: desktop });
    const page = await opened(citizen, '/ieiet');
    await signInAtIdp(page, { personalCode: uniquePersonalCode(), givenName: 'Jānis', familyName: 'Bērziņš', email: 'janis@example.lv' }, 'lv', false);
    for (const url of staffUrls(application.id)) {
      const response = await citizen.request.get(`${portalUrl}${url}`, { maxRedirects: 0 });
      expect(response.status(), url).toBe(403);
    }
    await citizen.close();
  });
});
