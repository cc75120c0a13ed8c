/**
 * `npx tsx local/screenshots.ts [citizen|workforce]`: the README's screenshots (docs/screenshots/*.png) of the
 * portal's main pages on a phone and a desktop, taken from a fresh in-memory local stack (free ports) in Debian's
 * Chromium: the citizen's (320 px phone, 1100 px desktop) and the workforce's (390 px phone, 1280 px desktop: an
 * officer's referrals, filing form and its confirmation, staff's work list with its counts, an application and a decision form, the
 * report). With an argument, only that side's files are written (the other side's pages are still walked through,
 * since the workforce pages show the citizen's application).
 */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rigaDate } from '../functions/core/dates';
import { repositoryRoot } from './paths';
import { startLocalStack } from './stack';

type Side = 'citizen' | 'workforce';
const only = process.argv[2] as Side | undefined;
const viewports = {
  citizen: [['phone', { width: 320, height: 640 }], ['desktop', { width: 1100, height: 800 }]],
  workforce: [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]],
} as const;

const stack = await startLocalStack({ log: () => {} });
const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
/** Shoots the page's viewport on each device; `top` names what the view starts at (else the page's top). */
const shoot = async (page: Page, name: string, side: Side = 'citizen', top?: string) => {
  if (only && only !== side) return;
  for (const [device, viewport] of viewports[side]) {
    await page.setViewportSize(viewport);
    if (top) await page.locator(top).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(repositoryRoot, 'docs/screenshots', `${name}-${device}.png`), fullPage: false });
  }
};

/** A new browser signed in at the local workforce login (`/darbs`): user name, role, and services or organisation. */
const workforcePage = async (username: string, role: string, scope: { services?: string; organisation?: string }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${stack.portalUrl}/darbs`);
  await page.waitForURL(/\/interaction\//);
  await page.fill('[name="username"]', username);
  await page.selectOption('[name="role"]', role);
  if (scope.services) await page.fill('[name="services"]', scope.services);
  if (scope.organisation) await page.fill('[name="organisation"]', scope.organisation);
  await Promise.all([page.waitForURL((url) => url.href.startsWith(stack.portalUrl)), page.click('button[type="submit"]')]);
  return page;
};

/** One form page's answers: text and date fields by name, select options by name, and boxes or radios to tick. */
interface Answers {
  readonly fill?: Readonly<Record<string, string>>;
  readonly select?: Readonly<Record<string, string>>;
  readonly check?: readonly string[];
}

/** Answers each page in turn, moving to the next page with `submit` after each. */
const answerPages = async (page: Page, submit: () => Promise<unknown>, pages: readonly Answers[]) => {
  for (const { fill = {}, select = {}, check = [] } of pages) {
    for (const [name, value] of Object.entries(select)) await page.selectOption(`[name="${name}"]`, value);
    for (const [name, value] of Object.entries(fill)) await page.fill(`[name="${name}"]`, value);
    for (const selector of check) await page.check(selector);
    await submit();
  }
};

/** The last page of every form: the two declarations. */
const declarations: Answers = { check: ['[name="declarations.informationIsTrue"]', '[name="declarations.consentToProcessing"]'] };

try {
  const page = await (await browser.newContext()).newPage();
  const go = async (path: string) => page.goto(`${stack.portalUrl}${path}`);
  const next = () => Promise.all([page.waitForNavigation(), page.click('main button')]);
  await go('/');
  await shoot(page, 'start');
  await go('/parbaude/early-intervention/track');
  await page.check('input[value="after-acute-event"]');
  await next();
  await page.fill('[name="dateOfBirth"]', '1980-02-02');
  await next();
  await page.fill('[name="evidence.acuteEventDate"]', '2025-01-10');
  await next();
  while (page.url().includes('/details')) await next();
  await shoot(page, 'precheck-result');
  await go('/pieteikties/social-rehabilitation');
  await page.fill('[name="personal_code"]', '161175-19997');
  await page.fill('[name="given_name"]', 'Jānis');
  await page.fill('[name="family_name"]', 'Bērziņš');
  await page.fill('[name="email"]', 'janis@example.lv');
  await Promise.all([page.waitForURL((url) => url.href.startsWith(stack.portalUrl)), page.click('button')]);
  await page.check('input[value="self"]');
  await next();
  await page.check('input[value="functional-impairment"]');
  await next();
  await page.fill('[name="applicant.dateOfBirth"]', '1975-11-32');
  await next();
  await shoot(page, 'apply-error');
  await page.fill('[name="applicant.dateOfBirth"]', '1975-11-16');
  await next();
  await answerPages(page, next, [
    { select: { 'applicant.address.municipality': 'jurmala' }, fill: { 'applicant.address.line': 'Dubultu prospekts 71' } },
    { fill: { 'applicant.phone': '+371 20000000' } },
    {
      check: ['input[name="evidence.disabilityGroup"][value="II"]'],
      fill: { 'evidence.selfAssessmentCompletedOn': new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10) },
    },
    declarations,
  ]);
  await shoot(page, 'check-answers');
  await next();
  await shoot(page, 'confirmation');
  await Promise.all([page.waitForNavigation(), page.click('main a >> nth=0')]);
  await shoot(page, 'application');

  // An officer of Tukums' social service files a referral, then sees it on the organisation's list.
  const officer = await workforcePage('ilze', 'social-service', { organisation: 'tukums' });
  const submitOfficer = () => Promise.all([officer.waitForNavigation(), officer.click('main button[type="submit"] >> nth=0')]);
  await officer.goto(`${stack.portalUrl}/darbs/nosutit`);
  await Promise.all([officer.waitForNavigation(), officer.click('main a[href*="coordinated-services"]')]);
  const daysAgo = (days: number) => rigaDate(new Date(Date.now() - days * 86_400_000));
  await officer.fill('[name="referral.number"]', 'SD-2026-311');
  await officer.fill('[name="referral.date"]', daysAgo(2));
  await officer.check('[name="referral.clientConsent"]');
  await shoot(officer, 'referral-form', 'workforce');
  await submitOfficer();
  await answerPages(officer, submitOfficer, [
    { fill: { 'applicant.givenName': 'Anna', 'applicant.familyName': 'Kalniņa', 'applicant.personalCode': '32579461005' } },
    { check: ['input[name="track"][value="addiction-adults"]'] },
    { fill: { 'applicant.dateOfBirth': '1990-04-04' } },
    { select: { 'applicant.address.municipality': 'tukuma-novads' }, fill: { 'applicant.address.line': 'Pils iela 1' } },
    { fill: { 'applicant.phone': '+371 20000001', 'applicant.email': 'anna@example.lv' } },
    {
      fill: { 'evidence.socialServiceDecisionNumber': 'SD-2026-311', 'evidence.socialServiceDecisionDate': daysAgo(2) },
      check: ['input[name="evidence.addictionKind"][value="substance"]'],
    },
    declarations,
  ]);
  await submitOfficer();
  await shoot(officer, 'referral-sent', 'workforce');
  await officer.goto(`${stack.portalUrl}/darbs/nosutijumi`);
  await shoot(officer, 'referrals', 'workforce');

  // Staff of both services: the work list with its counts (kept from the stream a moment after the filings).
  const staff = await workforcePage('anna', 'staff', { services: 'social-rehabilitation,coordinated-services' });
  for (let tries = 0; !(await staff.locator('table.siva-status-counts').count()) || (await staff.locator('table.siva-status-counts td').first().innerText()) !== '2'; tries += 1) {
    if (tries === 100) throw new Error('the counts per status never showed both applications');
    await new Promise((done) => setTimeout(done, 200));
    await staff.goto(`${stack.portalUrl}/darbs/pieteikumi`);
  }
  await shoot(staff, 'work-list', 'workforce');
  // The citizen's application: registered and admitted to the queue, then the grant's form.
  await Promise.all([staff.waitForNavigation(), staff.click('main table:not(.siva-status-counts) a >> nth=-1')]);
  const applicationUrl = staff.url();
  for (const decision of ['register', 'admit-to-queue']) {
    await Promise.all([staff.waitForNavigation(), staff.click(`main a[href*="/${decision}"]`)]);
    await Promise.all([staff.waitForNavigation(), staff.click('main button[type="submit"] >> nth=0')]);
    await staff.goto(applicationUrl);
  }
  await shoot(staff, 'work-application', 'workforce', 'main h2');
  await Promise.all([staff.waitForNavigation(), staff.click('main a[href*="/grant"]')]);
  await shoot(staff, 'work-decision', 'workforce');
  await staff.goto(`${stack.portalUrl}/darbs/parskati/${rigaDate(new Date()).slice(0, 4)}`);
  await shoot(staff, 'report', 'workforce', 'main h2 >> nth=1');
  console.log('Wrote docs/screenshots/*.png');
} finally {
  await browser.close();
  await stack.stop();
}
