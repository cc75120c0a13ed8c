/**
 * The portal's document step in a real browser, on the local stack (s3rver and ClamAV): a person asked for documents
 * chooses the kind of document, then a file, and the browser posts it straight to S3 with the presigned form; S3
 * sends it back to a page that follows the check, and a clean file is sent to SIVA. Keyboard only, 320 px, axe on
 * every page (lv and en), with and without JavaScript. Then drafts: saved on one device, resumed on another,
 * a stale save refused with a way on, sent from "check your answers", deleted after confirming.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { daysBefore } from '../support/fixtures';
import { freshPersonalCode, validForm } from '../support/service-forms';
import { tableItems } from '../integration/support/applicants';
import { api, local, tokens } from '../integration/support/local';
import { uploadLimits } from '../../schemas/uploads';
import { checked, choose, expectAccessible, follow, launchChromium, newContext, portalUrl, submit, tabTo, type Chromium } from './support/browser';
import { chooseFile, heading, untilChecked } from './support/uploads';
import { applyForSocialRehabilitation, signInAtIdp, type Language, type Person } from './support/journeys';

let chromium: Chromium;
const files = mkdtempSync(join(tmpdir(), 'siva-portal-files-'));
const pdfPath = join(files, 'izzina.pdf');
const eicarPath = join(files, 'eicar.pdf');
const notesPath = join(files, 'notes.pdf');

beforeAll(async () => {
  chromium = await launchChromium();
  writeFileSync(pdfPath, '%PDF-1.7\n1 0 obj <<>> endobj\n% Ģimenes ārsta izziņa\ntrailer <<>>\n%%EOF\n');
  writeFileSync(eicarPath, 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');
  writeFileSync(notesPath, 'plain text that says it is a PDF');
});
afterAll(async () => {
  await chromium?.close();
  console.info(`axe: ${checked.length} page checks, ${checked.filter((entry) => entry.violations > 0).length} with violations`);
});

const words = {
  lv: {
    add: 'Pievienot dokumentu',
    pending: 'Fails tiek pārbaudīts',
    clean: 'Fails ir pārbaudīts',
    rejected: 'Fails netika pieņemts',
    checkAgain: 'Pārbaudīt vēlreiz',
    sent: 'Dokumenti nosūtīti',
    malware: 'Failā atrasta ļaunatūra',
    anotherFile: 'Pievienojiet citu failu',
  },
  en: {
    add: 'Add a document',
    pending: 'The file is being checked',
    clean: 'The file is checked',
    rejected: 'The file was not accepted',
    checkAgain: 'Check again',
    sent: 'Documents sent',
    malware: 'The file contained malware',
    anotherFile: 'Add another file',
  },
} as const;

const applicationPath = (language: Language, id: string) => (language === 'en' ? `/en/applications/${id}` : `/pieteikumi/${id}`);

/** A person with an application filed through the API and not yet touched by staff (status `submitted`). */
const filedApplication = async () => {
  const person: Person = { personalCode: freshPersonalCode(), givenName: 'Inese', familyName: 'Liepiņa', email: 'inese@example.lv' };
  const token = await (await tokens()).citizen(person.personalCode, { givenName: person.givenName, familyName: person.familyName });
  const created = await api('/applications', { token, json: validForm('social-rehabilitation', 'functional-impairment', rigaDate(new Date())) });
  expect(created.status).toBe(201);
  return { person, token, id: created.body.id as string };
};

/** A person with an application (filed through the API) for which staff have asked documents. */
const awaitingDocuments = async () => {
  const { person, token, id } = await filedApplication();
  const today = rigaDate(new Date());
  const staff = await (await tokens()).workforce('staff', 'anna');
  for (const decision of [
    { type: 'register', expectedVersion: 1 },
    { type: 'request-documents', expectedVersion: 2, documents: ['Funkcionēšanas pašnovērtējums'], deadline: daysBefore(today, -14) },
  ]) {
    expect((await api(`/staff/applications/${id}/decisions`, { token: staff, json: decision })).status).toBe(200);
  }
  return { person, token, id };
};

/** Opens the application's page, signing in on the way. */
const openApplication = async (context: BrowserContext, person: Person, language: Language, id: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`${portalUrl}${applicationPath(language, id)}`);
  await signInAtIdp(page, person, language, false);
  expect(page.url()).toBe(`${portalUrl}${applicationPath(language, id)}`);
  return page;
};

/** From the application's page: the kind of document, then the file, posted to S3; back on the check's page. */
const upload = async (page: Page, language: Language, file: string, check: (name: string) => Promise<void>, link: string = words[language].add) => {
  await follow(page, link);
  await check(`add a document: kind (${language})`);
  await choose(page, 'documentType', 'functioning-self-assessment');
  await submit(page);
  await check(`add a document: file (${language})`);
  await chooseFile(page, file);
  await submit(page);
  expect(page.url()).toMatch(new RegExp(`^${portalUrl}/(en/applications|pieteikumi)/[0-9a-f-]{36}/(files|faili)/[0-9a-f-]{36}`));
  return untilChecked(page, words[language], () => check(`upload: being checked (${language})`));
};

const runs = [
  { name: 'with JavaScript', javaScript: true },
  { name: 'with JavaScript disabled', javaScript: false },
] as const;

describe.each(runs)('the document step, $name', ({ javaScript }) => {
  const check = (page: Page) => async (name: string) => {
    if (javaScript) await expectAccessible(page, name);
  };

  it.each(['lv', 'en'] as const)('a small PDF is posted to S3 from the form, found clean and sent to SIVA, who can download it (%s)', async (language) => {
    const { person, token, id } = await awaitingDocuments();
    const context = await newContext(chromium, { javaScript });
    const page = await openApplication(context, person, language, id);
    await check(page)(`application: documents requested (${language})`);

    // Without choosing a kind: an error on the field, nothing reserved.
    await follow(page, words[language].add);
    await submit(page);
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await check(page)(`add a document: kind, with an error (${language})`);
    await page.goBack();
    await page.goBack();

    expect(await upload(page, language, pdfPath, check(page))).toBe(words[language].clean);
    await check(page)(`upload: clean (${language})`);
    // The form reserved the most a file may be; once measured, the application's quota counts the real bytes.
    const quota = (await tableItems(local.tableName)).find((item) => item.pk === `APPLICATION#${id}` && item.sk === 'UPLOAD-QUOTA');
    expect(quota).toMatchObject({ files: 1, bytes: readFileSync(pdfPath).length });
    await submit(page);
    expect(await heading(page)).toBe(words[language].sent);
    await check(page)(`documents sent (${language})`);

    // The API sees it attached; staff download exactly the bytes sent.
    const read = await api(`/applications/${id}`, { token });
    expect(read.body.status).toBe('under_review');
    const staff = await (await tokens()).workforce('staff', 'anna');
    const record = await api(`/staff/applications/${id}`, { token: staff });
    const attachments = record.body.attachments as { href: string; documentType: string; contentType: string; fileName: string }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ documentType: 'functioning-self-assessment', contentType: 'application/pdf', fileName: 'functioning-self-assessment.pdf' });
    // The 303 to the 60-second link is followed: the bytes the browser sent.
    const download = await api(attachments[0]!.href, { token: staff });
    expect(download.status).toBe(200);
    expect(download.text).toContain('Ģimenes ārsta izziņa');
    await context.close();
  });

  it('the EICAR test file and a file that is not what it says are refused with the reason and what to do (en, lv)', async () => {
    const { person, id } = await awaitingDocuments();
    const context = await newContext(chromium, { javaScript });
    const page = await openApplication(context, person, 'en', id);
    expect(await upload(page, 'en', eicarPath, check(page))).toBe(words.en.rejected);
    expect(await page.locator('main').innerText()).toContain(words.en.malware);
    await check(page)('upload: rejected as malware (en)');
    await follow(page, words.en.anotherFile);
    expect(page.url()).toBe(`${portalUrl}/en/applications/${id}/add-document`);

    await page.goto(`${portalUrl}${applicationPath('lv', id)}`);
    expect(await upload(page, 'lv', notesPath, check(page))).toBe(words.lv.rejected);
    expect(await page.locator('main').innerText()).toContain('Faila saturs neatbilst tā tipam');
    await check(page)('upload: rejected, not what it says (lv)');
    await context.close();
  });
});

describe('documents before SIVA asks', () => {
  const before = {
    lv: { add: 'Pievienot apliecinošu dokumentu', hint: 'pievienojiet to tagad', status: 'Iesniegts', added: 'Pievienoti dokumenti' },
    en: { add: 'Add a supporting document', hint: 'add it now', status: 'Sent', added: 'Documents added' },
  } as const;

  it.each(['en', 'lv'] as const)('a person adds a PDF while the application is submitted: the status stays, the timeline says documents were added (%s)', async (language) => {
    const { person, token, id } = await filedApplication();
    const context = await newContext(chromium);
    const page = await openApplication(context, person, language, id);
    const main = page.locator('main');
    expect(await main.innerText()).toContain(before[language].hint);
    // Nothing is asked for yet, so there is nothing to report as sent another way.
    expect(await page.getByRole('button', { name: words[language].add, exact: true }).count()).toBe(0);
    await expectAccessible(page, `application: submitted, documents welcome (${language})`);

    expect(await upload(page, language, pdfPath, (name) => expectAccessible(page, `${name}, before SIVA asks`), before[language].add)).toBe(words[language].clean);
    await submit(page);
    expect(await heading(page)).toBe(words[language].sent);

    const read = await api(`/applications/${id}`, { token });
    expect(read.body.status).toBe('submitted');
    await page.goto(`${portalUrl}${applicationPath(language, id)}`);
    expect(await page.locator('main .govuk-tag').innerText()).toBe(before[language].status);
    expect(await page.locator('.siva-timeline').innerText()).toContain(before[language].added);
    await expectAccessible(page, `application: submitted, documents added (${language})`);
    await context.close();
  });
});

describe('the document step keeps each person to their own uploads', () => {
  it("another person's upload, by its address, is the not-found page and shows none of its form", async () => {
    const owner = await awaitingDocuments();
    const context = await newContext(chromium);
    const page = await openApplication(context, owner.person, 'en', owner.id);
    await follow(page, words.en.add);
    await choose(page, 'documentType', 'functioning-self-assessment');
    await submit(page);
    const formPage = page.url();
    expect(formPage).toMatch(/\/files\/[0-9a-f-]{36}\/send$/);
    // The policy S3 checks: any size up to the per-file limit, back to this upload's page, encrypted with the key.
    const policy = JSON.parse(Buffer.from(await page.locator('input[name="Policy"]').inputValue(), 'base64').toString('utf8'));
    const uploadId = /\/files\/([0-9a-f-]{36})\/send$/.exec(formPage)![1];
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, uploadLimits.fileBytes],
        { success_action_redirect: `${portalUrl}/en/applications/${owner.id}/files/${uploadId}` },
        { 'x-amz-server-side-encryption': 'aws:kms' },
        { key: uploadId },
      ]),
    );
    expect(await page.locator('form[enctype="multipart/form-data"] input[type="file"]').getAttribute('name')).toBe('file');

    const intruder = await awaitingDocuments();
    const other = await newContext(chromium);
    const theirs = await openApplication(other, intruder.person, 'en', intruder.id);
    for (const address of [formPage, formPage.replace(/\/send$/, ''), formPage.replace(owner.id, intruder.id)]) {
      const response = await theirs.goto(address);
      expect(response?.status(), address).toBe(404);
      expect(await theirs.locator('input[name="Policy"]').count()).toBe(0);
    }
    await expectAccessible(theirs, 'upload of another person: not found (en)');
    await other.close();
    await context.close();
  });
});

/** Presses "Save and come back later" with the keyboard. */
const saveForLater = async (page: Page) => {
  await tabTo(page, 'main button[name="save"]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
};

const draftWords = {
  lv: { saved: 'Pieteikums saglabāts', drafts: 'Mani melnraksti', changed: 'Melnraksts mainīts citā ierīcē', continueSaved: 'Turpināt ar saglabāto versiju', service: 'Sociālā rehabilitācija' },
  en: { saved: 'Application saved', drafts: 'Your drafts', changed: 'The draft was changed on another device', continueSaved: 'Continue with the saved version', service: 'Social rehabilitation' },
} as const;

describe('drafts: save and come back later', () => {
  it('saved on a phone, resumed on a second device with the answers filled in, a stale save refused, then sent from check your answers (lv)', async () => {
    const person: Person = { personalCode: freshPersonalCode(), givenName: 'Zane', familyName: 'Kalniņa', email: 'zane@example.lv' };
    const phoneContext = await newContext(chromium);
    const phone = await phoneContext.newPage();
    await phone.goto(`${portalUrl}/pieteikties/social-rehabilitation/who`);
    await signInAtIdp(phone, person, 'lv', false);
    await choose(phone, 'for', 'self');
    await submit(phone);
    await choose(phone, 'track', 'functional-impairment');
    await submit(phone);
    await tabTo(phone, '[name="applicant.dateOfBirth"]');
    await phone.keyboard.type('1980-02-02');
    await saveForLater(phone);
    expect(await heading(phone)).toBe(draftWords.lv.saved);
    await expectAccessible(phone, 'draft saved (lv)');
    await follow(phone, draftWords.lv.drafts);
    expect(await phone.locator('main').innerText()).toContain(draftWords.lv.service);
    await expectAccessible(phone, 'your drafts (lv)');

    // A second device, the same person: the draft is listed, and resuming fills the form in from its first page.
    const laptopContext = await newContext(chromium, { javaScript: false });
    const laptop = await laptopContext.newPage();
    await laptop.goto(`${portalUrl}/melnraksti`);
    await signInAtIdp(laptop, person, 'lv', false);
    await follow(laptop, `Turpināt: ${draftWords.lv.service}`);
    expect(laptop.url()).toBe(`${portalUrl}/pieteikties/social-rehabilitation/who`);
    expect(await laptop.locator('input[name="for"][value="self"]').isChecked()).toBe(true);
    await submit(laptop);
    expect(await laptop.locator('input[name="track"][value="functional-impairment"]').isChecked()).toBe(true);
    await submit(laptop);
    expect(await laptop.locator('[name="applicant.dateOfBirth"]').inputValue()).toBe('1980-02-02');
    await saveForLater(laptop);
    expect(await heading(laptop)).toBe(draftWords.lv.saved);

    // The phone, still at the version it saved, saves again: refused, nothing overwritten, and a way on.
    await phone.goBack();
    await phone.goBack();
    await saveForLater(phone);
    expect(await heading(phone)).toBe(draftWords.lv.changed);
    await expectAccessible(phone, 'draft changed on another device (lv)');
    await follow(phone, draftWords.lv.continueSaved);
    expect(phone.url()).toBe(`${portalUrl}/pieteikties/social-rehabilitation/who`);

    // The laptop finishes it and sends it from "check your answers": one application, and the draft is gone.
    await laptop.goto(`${portalUrl}/pieteikties/social-rehabilitation/who`);
    const reference = await applyForSocialRehabilitation(laptop, 'lv', { check: false });
    const token = await (await tokens()).citizen(person.personalCode, { givenName: person.givenName, familyName: person.familyName });
    const filed = await api('/applications', { token });
    expect(filed.body.items.map((item: { reference: string }) => item.reference)).toEqual([reference]);
    await laptop.goto(`${portalUrl}/melnraksti`);
    expect(await laptop.locator('main section').count()).toBe(0);
    await phoneContext.close();
    await laptopContext.close();
  });

  it('resuming names the saved answers the form no longer asks, and keeps the rest (en)', async () => {
    const person: Person = { personalCode: freshPersonalCode(), givenName: 'Pēteris', familyName: 'Bērziņš', email: 'peteris@example.lv' };
    const token = await (await tokens()).citizen(person.personalCode, { givenName: person.givenName, familyName: person.familyName });
    // Saved through the API by an older form that still asked `applicant.fax`.
    const created = await api('/drafts', { token, json: { serviceId: 'social-rehabilitation', track: 'functional-impairment' } });
    expect(created.status).toBe(201);
    const saved = await api(`/drafts/${created.body.id}`, {
      token,
      method: 'PUT',
      headers: { 'if-match': `"${created.body.version}"` },
      json: { serviceId: 'social-rehabilitation', track: 'functional-impairment', applicant: { dateOfBirth: '1980-02-02', fax: '+371 60000000' } },
    });
    expect(saved.status).toBe(200);

    const context = await newContext(chromium);
    const page = await context.newPage();
    await page.goto(`${portalUrl}/en/drafts`);
    await signInAtIdp(page, person, 'en', false);
    await follow(page, `Continue: ${draftWords.en.service}`);
    expect(await heading(page)).toBe('Some saved answers are no longer asked');
    expect(await page.locator('main').innerText()).toContain('applicant.fax');
    await expectAccessible(page, 'draft resumed, unknown fields (en)');
    await follow(page, 'Continue');
    expect(page.url()).toBe(`${portalUrl}/en/apply/social-rehabilitation/who`);
    await submit(page);
    await submit(page);
    expect(await page.locator('[name="applicant.dateOfBirth"]').inputValue()).toBe('1980-02-02');
    await context.close();
  });

  it('a draft is deleted only after confirming (en)', async () => {
    const person: Person = { personalCode: freshPersonalCode(), givenName: 'Rolands', familyName: 'Ozols', email: 'rolands@example.lv' };
    const context = await newContext(chromium);
    const page = await context.newPage();
    await page.goto(`${portalUrl}/en/apply/social-rehabilitation/who`);
    await signInAtIdp(page, person, 'en', false);
    await choose(page, 'for', 'self');
    await saveForLater(page);
    expect(await heading(page)).toBe(draftWords.en.saved);
    await expectAccessible(page, 'draft saved (en)');
    await follow(page, draftWords.en.drafts);
    await expectAccessible(page, 'your drafts (en)');
    await follow(page, `Delete: ${draftWords.en.service}`);
    await expectAccessible(page, 'delete a draft (en)');
    await page.goBack();
    expect(await page.locator('main section').count()).toBe(1);
    await follow(page, `Delete: ${draftWords.en.service}`);
    await submit(page);
    expect(page.url()).toBe(`${portalUrl}/en/drafts`);
    expect(await page.locator('main section').count()).toBe(0);
    await expectAccessible(page, 'your drafts, none (en)');
    await context.close();
  });
});
