/**
 * Referring officers and the annual report in a real browser, on the local stack, with the keyboard alone: filing a
 * referral through every page (an error state included), finding it in the organisation's list and by search, and
 * reading it; every page in Latvian and English passing axe at 320 CSS px, and the filing again with JavaScript
 * disabled. Access: an officer of another organisation gets the 404 page for its referral, and a citizen, staff
 * and an officer each get the 403 page where their role has no business. The report's CSV matches the API's figures.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokens, waitFor } from '../integration/support/local';
import { parseCsv } from '../support/csv';
import { uniquePersonalCode } from '../support/fixtures';
import { chromiumForSpec, choose, expectAccessible, follow, newContext, portalUrl, select, submit, tick, typeInto } from './support/browser';
import { daysAgo, signInAtIdp, signInAtWorkforceIdp, type Language, type Member } from './support/journeys';
import { chooseFile, heading, untilChecked } from './support/uploads';

const chromium = chromiumForSpec();

const run = Date.now().toString(36);
/** Officers of one municipality's social service, and of another one. */
const ilze: Member = { role: 'social-service', username: 'ilze', organisation: `tukums-${run}` };
const stranger: Member = { role: 'social-service', username: 'maris', organisation: `riga-${run}` };
const anna: Member = { role: 'staff', username: 'anna', services: ['coordinated-services'] };

const paths = {
  referrals: { lv: '/darbs/nosutijumi', en: '/en/work/referrals' },
  referral: { lv: '/darbs/nosutijumi/', en: '/en/work/referrals/' },
  refer: { lv: '/darbs/nosutit', en: '/en/work/refer' },
  reports: { lv: '/darbs/parskati/', en: '/en/work/reports/' },
} as const;

const words = {
  lv: { newReferral: 'Jauns nosūtījums', service: 'Koordinētie sociālie pakalpojumi', sent: 'Nosūtījums iesniegts', reference: 'Nosūtījuma numurs SIVA: ', open: 'Atvērt nosūtījumu', status: 'Iesniegts' },
  en: { newReferral: 'New referral', service: 'Coordinated social services', sent: 'Referral sent', reference: 'SIVA reference: ', open: 'Open the referral', status: 'Sent' },
} as const;

const signedIn = async (member: Member, language: Language, path: string, javaScript = true): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await newContext(chromium(), { javaScript });
  const page = await context.newPage();
  await page.goto(`${portalUrl}${path}`);
  await signInAtWorkforceIdp(page, member, language, false);
  return { context, page };
};

interface Client {
  readonly givenName: string;
  readonly familyName: string;
  readonly personalCode: string;
}

/** From the organisation's list to the confirmation, one page at a time, with the keyboard; returns the reference. */
const fileReferral = async (page: Page, client: Client, language: Language, check: boolean) => {
  const accessible = async (name: string) => {
    if (check) await expectAccessible(page, `${name} (${language})`);
  };
  const step = async (name: string, answer: () => Promise<void>) => {
    await accessible(`refer: ${name}`);
    await answer();
    await submit(page);
  };
  await accessible('referrals: empty list');
  await follow(page, words[language].newReferral);
  await accessible('refer: choose the service');
  await follow(page, words[language].service);

  // Sent empty first: the referral page answers with its messages, on the fields.
  await submit(page);
  expect(await page.locator('.govuk-error-summary').count()).toBe(1);
  expect(await page.locator('.govuk-error-message').count()).toBeGreaterThanOrEqual(3);
  await accessible('refer: referral with errors');
  await step('referral', async () => {
    await typeInto(page, 'referral.number', `SD-${run}`);
    await typeInto(page, 'referral.date', daysAgo(2));
    await tick(page, 'referral.clientConsent');
  });
  await step('client', async () => {
    await typeInto(page, 'applicant.givenName', client.givenName);
    await typeInto(page, 'applicant.familyName', client.familyName);
    await typeInto(page, 'applicant.personalCode', client.personalCode);
  });
  await step('track', () => choose(page, 'track', 'addiction-adults'));
  await step('date of birth', () => typeInto(page, 'applicant.dateOfBirth', '1990-04-04'));
  await step('address', async () => {
    await select(page, 'applicant.address.municipality', 'tukuma-novads');
    await typeInto(page, 'applicant.address.line', 'Pils iela 1');
  });
  await step('contact', async () => {
    await typeInto(page, 'applicant.phone', '+371 20000001');
    await typeInto(page, 'applicant.email', 'anna@example.lv');
  });
  await step('evidence', async () => {
    await typeInto(page, 'evidence.socialServiceDecisionNumber', `SD-${run}`);
    await typeInto(page, 'evidence.socialServiceDecisionDate', daysAgo(2));
    await choose(page, 'evidence.addictionKind', 'substance');
  });
  await step('declarations', async () => {
    await tick(page, 'declarations.informationIsTrue');
    await tick(page, 'declarations.consentToProcessing');
  });
  await accessible('refer: check answers');
  await submit(page);
  expect((await page.locator('h1').innerText()).trim()).toBe(words[language].sent);
  const panel = (await page.locator('.govuk-panel__body').innerText()).trim();
  expect(panel.startsWith(words[language].reference)).toBe(true);
  await accessible('refer: confirmation');
  return panel.slice(words[language].reference.length);
};

/** Types into the search field and presses Enter there (the GET form needs no script). */
const search = async (page: Page, text: string) => {
  await typeInto(page, 'q', text);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
};

const runs = [
  { name: 'with JavaScript', javaScript: true, languages: ['lv', 'en'] as const },
  { name: 'with JavaScript disabled', javaScript: false, languages: ['lv'] as const },
] as const;

describe.each(runs)('an officer files and follows a referral, $name', ({ javaScript, languages }) => {
  it.each([...languages])('files a referral, finds it in the list and by the client\u2019s name, and reads it (%s)', async (language) => {
    const officer: Member = { ...ilze, organisation: `${ilze.organisation}-${language}-${javaScript ? 'js' : 'nojs'}` };
    const { context, page } = await signedIn(officer, language, paths.referrals[language], javaScript);
    expect(page.url()).toBe(`${portalUrl}${paths.referrals[language]}`);
    const client = { givenName: 'Anna', familyName: 'Kalniņa', personalCode: uniquePersonalCode() };
    const reference = await fileReferral(page, client, language, javaScript);

    // The API sees it among the organisation's referrals, filed by this officer.
    const token = await (await tokens()).workforce('social-service', officer.organisation, { officer: officer.username });
    const listed = (await api('/referrals', { token })).body.items as { id: string; reference: string }[];
    const id = listed.find((item) => item.reference === reference)!.id;
    expect(id).toBeTruthy();

    await follow(page, words[language].open);
    expect(page.url()).toBe(`${portalUrl}${paths.referral[language]}${id}`);
    const main = await page.locator('main').innerText();
    expect(main).toContain(reference);
    expect(main).toContain('Anna Kalniņa');
    expect(main).toContain(`SD-${run}`);
    if (javaScript) await expectAccessible(page, `referral (${language})`);

    // The list, newest first; the search finds the client without the accents, and a stranger's name finds nothing.
    await page.goto(`${portalUrl}${paths.referrals[language]}`);
    expect(await page.locator('tbody tr').first().innerText()).toContain(reference);
    if (javaScript) await expectAccessible(page, `referrals (${language})`);
    await search(page, 'anna kalnina');
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody').innerText()).toContain(reference);
    if (javaScript) await expectAccessible(page, `referrals: search (${language})`);
    await search(page, reference.slice(-6));
    expect(await page.locator('tbody').innerText()).toContain(reference);
    await search(page, 'Bērziņš');
    expect(await page.locator('tbody tr').count()).toBe(0);
    await context.close();
  });
});

/** A referral filed through the API by an officer (for the pages that follow one); its id. */
const referralFiledBy = async (officer: { organisation: string; username: string }, number: string): Promise<string> => {
  const token = await (await tokens()).workforce('social-service', officer.organisation, { officer: officer.username });
  const filed = await api('/referrals', {
    token,
    json: {
      referral: { number, date: daysAgo(1), clientConsent: true },
      application: {
        serviceId: 'coordinated-services',
        track: 'addiction-adults',
        applicant: {
          givenName: 'Ieva', familyName: 'Liepa', personalCode: uniquePersonalCode(), dateOfBirth: '1991-05-05',
          address: { municipality: 'tukuma-novads', line: 'Pils iela 2' }, phone: '+371 20000002', email: 'ieva@example.lv', language: 'lv', contactChannel: 'email',
        },
        evidence: { socialServiceDecisionNumber: number, socialServiceDecisionDate: daysAgo(1), addictionKind: 'substance' },
        declarations: { informationIsTrue: true, consentToProcessing: true },
      },
    },
  });
  expect(filed.status).toBe(201);
  return filed.body.id as string;
};

const documentWords = {
  lv: { attach: 'Pievienot nosūtījuma dokumentu', added: 'Pievienoti dokumenti', add: 'Pievienot dokumentu', pending: 'Fails tiek pārbaudīts', clean: 'Fails ir pārbaudīts', rejected: 'Fails netika pieņemts', checkAgain: 'Pārbaudīt vēlreiz', sent: 'Dokumenti nosūtīti', malware: 'Failā atrasta ļaunatūra' },
  en: { attach: 'Attach the referral document', added: 'Documents added', add: 'Add a document', pending: 'The file is being checked', clean: 'The file is checked', rejected: 'The file was not accepted', checkAgain: 'Check again', sent: 'Documents sent', malware: 'The file contained malware' },
} as const;

describe('an officer adds the referral document, at filing or when the agency asks for it', () => {
  const files = mkdtempSync(join(tmpdir(), 'siva-officer-files-'));
  const pdfPath = join(files, 'nosutijums.pdf');
  const eicarPath = join(files, 'eicar.pdf');
  beforeAll(() => {
    writeFileSync(pdfPath, '%PDF-1.7\n1 0 obj <<>> endobj\n% Sociālā dienesta nosūtījums\ntrailer <<>>\n%%EOF\n');
    writeFileSync(eicarPath, 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');
  });

  /** A referral of a fresh municipality's officer, for which staff have asked for documents. */
  const awaitingDocuments = async (language: Language) => {
    const officer = { role: 'social-service', username: 'ilze', organisation: `talsi-${run}-${language}-${crypto.randomUUID().slice(0, 6)}` } as const;
    const id = await referralFiledBy(officer, `SD-${run}-D`);
    for (const decision of [
      { type: 'register', expectedVersion: 1 },
      { type: 'request-documents', expectedVersion: 2, documents: ['Sociālā dienesta novērtējums'], deadline: daysAgo(-14) },
    ]) {
      expect((await api(`/staff/applications/${id}/decisions`, { token: await staffToken(), json: decision })).status).toBe(200);
    }
    return { officer, id };
  };
  const staffToken = async () => (await tokens()).workforce('staff', 'anna', { services: ['coordinated-services'] });

  /**
   * From the link to the document step: the kind of document, then the file, posted to S3; back on the check's page.
   * Each page passes axe, unless the browser runs no script (axe needs it).
   */
  const upload = async (page: Page, language: Language, file: string, link: string = documentWords[language].add, javaScript = true) => {
    const accessible = async (name: string) => {
      if (javaScript) await expectAccessible(page, `referral: ${name} (${language})`);
    };
    await follow(page, link);
    await accessible('add a document, kind');
    await choose(page, 'documentType', 'social-service-assessment');
    await submit(page);
    await accessible('add a document, file');
    await chooseFile(page, file);
    await submit(page);
    expect(page.url()).toMatch(new RegExp(`^${portalUrl}${paths.referral[language]}[0-9a-f-]{36}/(files|faili)/[0-9a-f-]{36}(\\?|$)`));
    return untilChecked(page, documentWords[language], () => accessible('upload being checked'));
  };

  it.each(['lv', 'en'] as const)('a PDF is posted to S3, found clean and sent to SIVA; staff download it (%s)', async (language) => {
    const { officer, id } = await awaitingDocuments(language);
    const { context, page } = await signedIn(officer, language, `${paths.referral[language]}${id}`);
    expect(page.url()).toBe(`${portalUrl}${paths.referral[language]}${id}`);
    await expectAccessible(page, `referral: documents requested (${language})`);
    expect(await upload(page, language, pdfPath)).toBe(documentWords[language].clean);
    await expectAccessible(page, `referral: upload clean (${language})`);
    await submit(page);
    expect(await heading(page)).toBe(documentWords[language].sent);
    await expectAccessible(page, `referral: documents sent (${language})`);

    // Attached to the referral's application: staff download exactly the bytes the officer's browser sent.
    const staff = await staffToken();
    const record = await api(`/staff/applications/${id}`, { token: staff });
    expect(record.body.status).toBe('under_review');
    const attachments = record.body.attachments as { href: string; documentType: string; uploadedBy: string }[];
    expect(attachments).toEqual([expect.objectContaining({ documentType: 'social-service-assessment', uploadedBy: 'social-service' })]);
    const download = await api(attachments[0]!.href, { token: staff });
    expect(download.status).toBe(200);
    expect(download.text).toContain('Sociālā dienesta nosūtījums');
    await context.close();
  });

  it.each([
    ['lv', true],
    ['en', true],
    ['lv', false],
  ] as const)('right after filing, the confirmation offers the referral document; sent, the status stays submitted (%s, JavaScript: %s)', async (language, javaScript) => {
    const officer: Member = { ...ilze, organisation: `${ilze.organisation}-attach-${language}-${javaScript ? 'js' : 'nojs'}` };
    const { context, page } = await signedIn(officer, language, paths.referrals[language], javaScript);
    const reference = await fileReferral(page, { givenName: 'Anna', familyName: 'Kalniņa', personalCode: uniquePersonalCode() }, language, false);
    if (javaScript) await expectAccessible(page, `refer: confirmation with the referral document step (${language})`);
    expect(await upload(page, language, pdfPath, documentWords[language].attach, javaScript)).toBe(documentWords[language].clean);
    await submit(page);
    expect(await heading(page)).toBe(documentWords[language].sent);
    expect(await page.locator('main').innerText()).toContain(reference);

    // Staff see the document on the application, still waiting to be registered, and download its bytes.
    const staff = await staffToken();
    const officerToken = await (await tokens()).workforce('social-service', officer.organisation, { officer: officer.username });
    const id = ((await api('/referrals', { token: officerToken })).body.items as { id: string; reference: string }[]).find((item) => item.reference === reference)!.id;
    const record = await api(`/staff/applications/${id}`, { token: staff });
    expect(record.body.status).toBe('submitted');
    const attachments = record.body.attachments as { href: string; uploadedBy: string }[];
    expect(attachments).toEqual([expect.objectContaining({ documentType: 'social-service-assessment', uploadedBy: 'social-service' })]);
    expect((await api(attachments[0]!.href, { token: staff })).text).toContain('Sociālā dienesta nosūtījums');

    // The referral's page still offers the step until a decision, and its timeline says documents were added.
    await follow(page, words[language].open);
    expect(await page.locator('main').innerText()).toContain(documentWords[language].added);
    if (javaScript) await expectAccessible(page, `referral: submitted, referral document added (${language})`);
    await follow(page, documentWords[language].attach);
    expect(await heading(page)).toBe(language === 'lv' ? 'Kādu dokumentu pievienojat?' : 'Which document are you adding?');
    await context.close();
  });

  it('the EICAR test file is refused with the reason; another municipality\u2019s officer gets the 404 page for the upload (lv, en)', async () => {
    const { officer, id } = await awaitingDocuments('lv');
    const { context, page } = await signedIn(officer, 'lv', `${paths.referral.lv}${id}`);
    expect(await upload(page, 'lv', eicarPath)).toBe(documentWords.lv.rejected);
    expect(await page.locator('main').innerText()).toContain(documentWords.lv.malware);
    await expectAccessible(page, 'referral: upload rejected as malware (lv)');
    const uploadPage = page.url();

    // The file's form of a new upload, and the rejected upload's page, by their addresses.
    await page.goto(`${portalUrl}${paths.referral.en}${id}`);
    await follow(page, documentWords.en.add);
    await choose(page, 'documentType', 'social-service-assessment');
    await submit(page);
    const formPage = page.url();
    expect(formPage).toMatch(/\/files\/[0-9a-f-]{36}\/send$/);
    for (const language of ['lv', 'en'] as const) {
      const other = await signedIn({ ...stranger, organisation: `${stranger.organisation}-${language}` }, language, paths.referrals[language]);
      for (const address of [uploadPage, formPage]) {
        const response = await other.page.goto(address);
        expect(response?.status(), address).toBe(404);
        expect(await other.page.locator('input[name="Policy"]').count()).toBe(0);
      }
      await expectAccessible(other.page, `referral upload of another organisation: 404 (${language})`);
      await other.context.close();
    }
    await context.close();
  });
});

describe('who may open the officers\u2019 pages and the report', () => {
  let referralId: string;
  const year = new Date().getUTCFullYear();
  beforeAll(async () => {
    referralId = await referralFiledBy({ organisation: `tukums-${run}`, username: 'ilze' }, `SD-${run}-A`);
  });

  const officerUrls = (language: Language) => [
    paths.referrals[language],
    `${paths.referral[language]}${referralId}`,
    paths.refer[language],
    `${paths.refer[language]}/coordinated-services/referral`,
  ];
  const reportUrls = (language: Language) => [`${paths.reports[language]}${year}`, `${paths.reports[language]}${year}/csv`];

  it.each(['lv', 'en'] as const)('an officer of another municipality gets the 404 page for the referral, and their own empty list (%s)', async (language) => {
    const { context, page } = await signedIn(stranger, language, paths.referrals[language]);
    expect(await page.locator('tbody tr').count()).toBe(0);
    const response = await page.goto(`${portalUrl}${paths.referral[language]}${referralId}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('main').innerText()).not.toContain('Liepa');
    await expectAccessible(page, `referral of another organisation: 404 (${language})`);
    for (const url of reportUrls(language)) expect((await page.goto(`${portalUrl}${url}`))?.status(), url).toBe(403);
    await expectAccessible(page, `report for an officer: 403 (${language})`);
    await context.close();
  });

  it.each(['lv', 'en'] as const)('staff and a citizen get the 403 page for every officer URL (%s)', async (language) => {
    const staff = await signedIn(anna, language, `${paths.reports[language]}${year}`);
    for (const url of officerUrls(language)) expect((await staff.page.goto(`${portalUrl}${url}`))?.status(), url).toBe(403);
    await expectAccessible(staff.page, `officer page for staff: 403 (${language})`);
    await staff.context.close();

    const context = await newContext(chromium());
    const page = await context.newPage();
    await page.goto(`${portalUrl}${language === 'en' ? '/en/sign-in' : '/ieiet'}`);
    await signInAtIdp(page, { personalCode: uniquePersonalCode(), givenName: 'Jānis', familyName: 'Bērziņš', email: 'janis@example.lv' }, language, false);
    for (const url of [...officerUrls(language), ...reportUrls(language)]) expect((await page.goto(`${portalUrl}${url}`))?.status(), url).toBe(403);
    expect(await page.locator('main').innerText()).not.toContain('Liepa');
    await context.close();
  });

  it('nobody signed in is sent to the workforce sign-in from every officer URL', async () => {
    const context = await newContext(chromium());
    for (const url of officerUrls('lv')) {
      const response = await context.request.get(`${portalUrl}${url}`, { maxRedirects: 0 });
      expect(response.status(), url).toBe(303);
      expect(response.headers().location).toBe(`/darbs/ieiet?returnTo=${encodeURIComponent(url)}`);
    }
    await context.close();
  });
});

describe('the report', () => {
  const year = new Date().getUTCFullYear();

  it.each(['lv', 'en'] as const)('shows the year\u2019s figures as charts with a text alternative and tables (%s)', async (language) => {
    const { context, page } = await signedIn(anna, language, `${paths.reports[language]}${year}`);
    expect(await page.locator('h1').innerText()).toBe(language === 'lv' ? `Pārskats par ${year}. gadu` : `Report for ${year}`);
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBe(3);
    for (const chart of await charts.all()) {
      expect(await chart.locator('title').count()).toBe(1);
      expect((await chart.locator('desc').textContent())!.length).toBeGreaterThan(10);
    }
    expect(await page.locator('table').count()).toBe(4);
    await expectAccessible(page, `report (${language})`);
    const bad = await page.goto(`${portalUrl}${paths.reports[language]}1999`);
    expect(bad?.status()).toBe(404);
    await expectAccessible(page, `report: no such year (${language})`);
    await context.close();
  });

  it.each([['lv', ';'], ['en', ',']] as const)('downloads as CSV (UTF-8 with a BOM) whose every figure is the API\u2019s (%s)', async (language, separator) => {
    const { context, page } = await signedIn(anna, language, `${paths.reports[language]}${year}`);
    const token = await (await tokens()).workforce('staff', 'anna', { services: ['coordinated-services'] });
    const href = await page.locator('main a[download]').getAttribute('href');
    // Other specs may file meanwhile: compare a download taken between two equal answers of the API.
    const { csv, report } = await waitFor(async () => {
      const before = (await api(`/staff/reports/${year}`, { token })).body;
      const response = await context.request.get(`${portalUrl}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="siva-/);
      const bytes = await response.body();
      const after = (await api(`/staff/reports/${year}`, { token })).body;
      return JSON.stringify(before) === JSON.stringify(after) && { csv: bytes, report: after };
    }, 20_000);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsv(csv.toString('utf8').slice(1), separator);
    // Two tables, an empty line between them: the tracks and totals, then the queue at each month's end.
    const blank = lines.findIndex((line) => line.length === 1 && line[0] === '');
    const [head, ...rows] = lines.slice(0, blank);
    const [monthHead, ...months] = lines.slice(blank + 1);
    expect(head).toHaveLength(15);
    expect(monthHead).toHaveLength(3);
    // This year's months up to this one (Riga), each of this year; the last is the queue now, the API's year-end figure.
    expect(months.map((month) => month[1])).toEqual(Array.from({ length: months.length }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`));
    expect(months.length).toBeGreaterThanOrEqual(new Date().getUTCMonth() + 1);
    expect(months.every((month) => Number(month[0]) === year)).toBe(true);
    expect(Number(months.at(-1)![2])).toBe(report.totals.queueAtYearEnd.total);
    const total = rows.pop()!;
    const column = (row: string[], index: number) => Number(row[index]);
    for (const row of rows) {
      const [rowYear, serviceId, , track] = row;
      expect(Number(rowYear)).toBe(year);
      const service = report.services[serviceId!];
      expect(column(row, 5), `${serviceId}/${track} applications`).toBe(service.applications.byTrack[track!] ?? 0);
      expect(column(row, 6), `${serviceId}/${track} clients`).toBe(service.recipients.byTrack[track!]?.started ?? 0);
      expect(column(row, 10), `${serviceId}/${track} grants`).toBe(service.decisions.byTrack[track!]?.byCategory.grant ?? 0);
      expect(column(row, 14), `${serviceId}/${track} queue`).toBe(service.queueAtYearEnd.byTrack[track!] ?? 0);
    }
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(Object.keys(report.services)));
    expect(column(total, 5)).toBe(report.totals.applications.total);
    expect(column(total, 10)).toBe(report.totals.decisions.byCategory.grant);
    expect(column(total, 13)).toBe(report.totals.withdrawals.total);
    await context.close();
  });
});
