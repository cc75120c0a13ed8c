/**
 * "Your data" in the portal (docs/retention.md), in a real browser with the keyboard alone, at 320 px, with and
 * without JavaScript: reached from My applications, it passes axe in Latvian and English, and its button saves a
 * JSON file that holds the person's application, the document `GET /me/data` answers.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { uniquePersonalCode } from '../support/fixtures';
import { validForm } from '../support/service-forms';
import { api, tokens } from '../integration/support/local';
import { expectAccessible, follow, launchChromium, newContext, portalUrl, tabTo, type Chromium } from './support/browser';
import { signInAtIdp, type Person } from './support/journeys';

let chromium: Chromium;
beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

describe.each([
  { name: 'with JavaScript', javaScript: true },
  { name: 'with JavaScript disabled', javaScript: false },
])('your data, $name', ({ javaScript }) => {
  it('is one link from My applications, passes axe in both languages and saves the JSON document of your data', async () => {
    const person: Person = { personalCode: uniquePersonalCode(), givenName: 'Dace', familyName: 'Eglīte', email: 'dace@example.lv' };
    const token = await (await tokens()).citizen(person.personalCode, { givenName: person.givenName, familyName: person.familyName });
    const filed = await api('/applications', { token, json: validForm('social-rehabilitation', 'functional-impairment', rigaDate(new Date())) });
    expect(filed.status).toBe(201);

    const context = await newContext(chromium, { javaScript });
    const page = await context.newPage();
    await page.goto(`${portalUrl}/pieteikumi`);
    await signInAtIdp(page, person, 'lv', false);
    await page.waitForURL(/\/pieteikumi$/);
    await follow(page, 'Jūsu dati');
    expect(new URL(page.url()).pathname).toBe('/mani-dati');
    if (javaScript) await expectAccessible(page, 'your data (lv)');

    await tabTo(page, 'main a.govuk-button');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^siva-dati-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(saved.person.personalCode).toBe(person.personalCode);
    expect(saved.applications.map((application: { reference: string }) => application.reference)).toContain(filed.body.reference);

    await page.goto(`${portalUrl}/en/your-data`);
    expect(await page.locator('h1').textContent()).toBe('Your data');
    if (javaScript) await expectAccessible(page, 'your data (en)');
    await context.close();
  });

  it('asks to sign in first', async () => {
    const context = await newContext(chromium, { javaScript });
    const page = await context.newPage();
    await page.goto(`${portalUrl}/mani-dati/lejupielade`);
    await page.waitForURL(/\/interaction\//);
    await context.close();
  });
});
