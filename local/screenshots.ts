/**
 * `npx tsx local/screenshots.ts`: the README's screenshots (docs/screenshots/*.png) of the portal's main pages on a
 * phone (320 px) and a desktop, taken from a fresh in-memory local stack in Debian's Chromium.
 */
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { repositoryRoot } from './paths';
import { startLocalStack } from './stack';

const stack = await startLocalStack({ log: () => {} });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
const shoot = async (page: Page, name: string) => {
  for (const [device, viewport] of [['phone', { width: 320, height: 640 }], ['desktop', { width: 1100, height: 800 }]] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(repositoryRoot, 'docs/screenshots', `${name}-${device}.png`), fullPage: false });
  }
};
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
  await page.selectOption('[name="applicant.address.municipality"]', 'jurmala');
  await page.fill('[name="applicant.address.line"]', 'Dubultu prospekts 71');
  await next();
  await page.fill('[name="applicant.phone"]', '+371 20000000');
  await next();
  await page.check('input[name="evidence.disabilityGroup"][value="II"]');
  await page.fill('[name="evidence.selfAssessmentCompletedOn"]', new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
  await next();
  await page.check('[name="declarations.informationIsTrue"]');
  await page.check('[name="declarations.consentToProcessing"]');
  await next();
  await shoot(page, 'check-answers');
  await next();
  await shoot(page, 'confirmation');
  await Promise.all([page.waitForNavigation(), page.click('main a >> nth=0')]);
  await shoot(page, 'application');
  console.log('Wrote docs/screenshots/*.png');
} finally {
  await browser.close();
  await stack.stop();
}
