/**
 * A person's own data (GDPR Art. 15 and 20; docs/retention.md) against the local stack: the export holds
 * what a municipality referred about the person and what a representative filed for them, with timelines;
 * never what the person filed for someone else, a stranger's filing under the same code, or an officer's
 * or a representative's own code and contacts. The archivist's export for a request on paper is audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { PersonalDataExport } from '../../schemas/personal-data';
import { freshPersonalCode, referralOf, validForm } from '../support/service-forms';
import { api, tokens } from './support/local';

const today = rigaDate(new Date());
const clientCode = freshPersonalCode();
const representedCode = freshPersonalCode();
const strangerCode = freshPersonalCode();
const filed: Record<'referral' | 'byRepresentative' | 'forSomeoneElse' | 'stranger', string> = {} as never;
let client: string;
let archivist: string;
const officerEmail = `ilze.${Date.now()}@tukums.example.lv`;

beforeAll(async () => {
  const idp = await tokens();
  // referralOf names the client Anna Kalniņa.
  client = await idp.citizen(clientCode, { givenName: 'Anna', familyName: 'Kalniņa' });
  archivist = await idp.workforce('archivist', 'liga');
  const officer = await idp.workforce('social-service', `tukums-${Date.now()}`, { officer: 'ilze' });
  const referral = await api('/referrals', {
    token: officer,
    json: referralOf(validForm('coordinated-services', 'trafficking-victims', today), clientCode, today, { officerEmail, officerPhone: '+371 26000000' }),
  });
  expect(referral.status).toBe(201);
  filed.referral = referral.body.id;

  const form = validForm('social-rehabilitation', 'functional-impairment', today);
  const representative = await idp.citizen(representedCode, { givenName: 'Ilze', familyName: 'Kalna' });
  const byRepresentative = await api('/applications', {
    token: representative,
    json: {
      ...form,
      applicant: { ...form.applicant, personalCode: clientCode, givenName: 'Anna', familyName: 'Kalniņa' },
      representative: { kind: 'authorised-person', document: { type: 'power-of-attorney', number: 'PA-77', issuedOn: today } },
    },
  });
  // The client, in turn, files for someone else: that application is the other person's.
  const forSomeoneElse = await api('/applications', {
    token: client,
    json: {
      ...validForm('vehicle-adaptation', 'paid', today),
      applicant: { ...validForm('vehicle-adaptation', 'paid', today).applicant, personalCode: strangerCode, givenName: 'Marta', familyName: 'Citāda' },
      representative: { kind: 'authorised-person', document: { type: 'power-of-attorney', number: 'PA-78', issuedOn: today } },
    },
  });
  // A filing under the client's code with another name: a typo naming a stranger is not the client's.
  const stranger = await api('/applications', {
    token: await idp.citizen(freshPersonalCode(), { givenName: 'Pēteris', familyName: 'Svešais' }),
    json: {
      ...form,
      applicant: { ...form.applicant, personalCode: clientCode, givenName: 'Pēteris', familyName: 'Svešais' },
      representative: { kind: 'authorised-person', document: { type: 'power-of-attorney', number: 'PA-79', issuedOn: today } },
    },
  });
  expect([byRepresentative.status, forSomeoneElse.status, stranger.status]).toEqual([201, 201, 201]);
  Object.assign(filed, { byRepresentative: byRepresentative.body.id, forSomeoneElse: forSomeoneElse.body.id, stranger: stranger.body.id });
});

describe('GET /me/data', () => {
  it('holds the referral a municipality filed about the person and the representative filing for them, with timelines', async () => {
    const response = await api('/me/data', { token: client });
    expect(response.status).toBe(200);
    const exported = PersonalDataExport.parse(response.body);
    const ids = exported.applications.map((application) => application.id);
    expect(ids).toEqual(expect.arrayContaining([filed.referral, filed.byRepresentative]));
    const referral = exported.applications.find((application) => application.id === filed.referral)!;
    expect(referral).toMatchObject({ channel: 'referral', referral: { kind: 'social-service', number: `NOS-${clientCode.slice(-5)}` } });
    expect(referral.timeline.map((event) => event.type)).toContain('submitted');
    const represented = exported.applications.find((application) => application.id === filed.byRepresentative)!;
    expect(represented.representative).toEqual({
      kind: 'authorised-person',
      document: { type: 'power-of-attorney', number: 'PA-77', issuedOn: today },
      givenName: 'Ilze',
      familyName: 'Kalna',
    });
    expect(exported.person).toEqual({ personalCode: clientCode, givenName: 'Anna', familyName: 'Kalniņa' });
  });

  it("never holds another person's data: what they filed for someone else, a stranger under their code, others' codes and contacts", async () => {
    const response = await api('/me/data', { token: client });
    const ids = response.body.applications.map((application: { id: string }) => application.id);
    expect(ids).not.toContain(filed.forSomeoneElse);
    expect(ids).not.toContain(filed.stranger);
    for (const foreign of [strangerCode, representedCode, 'Marta', 'Svešais', officerEmail, '+371 26000000', 'officerSubject', 'officerName']) {
      expect(response.text).not.toContain(foreign);
    }
  });

  it('answers as a file to save with download=true', async () => {
    const response = await api('/me/data?download=true', { token: client });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="siva-dati-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await api('/me/data', { token: client })).headers.get('content-disposition')).toBeNull();
  });

  it('is for citizens: a workforce token gets 401', async () => {
    expect((await api('/me/data', { token: archivist })).status).toBe(401);
  });
});

describe('POST /staff/data-exports', () => {
  it("gives the archivist the person's data by code, recorded first: the person sees when", async () => {
    const before = (await api('/me/data', { token: client })).body.exportsByAgency.length;
    const response = await api('/staff/data-exports', { token: archivist, json: { personalCode: clientCode } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    const exported = PersonalDataExport.parse(response.body);
    expect(exported.applications.map((application) => application.id)).toEqual(expect.arrayContaining([filed.referral, filed.byRepresentative]));
    expect(exported.applications.map((application) => application.id)).not.toContain(filed.forSomeoneElse);
    expect((await api('/me/data', { token: client })).body.exportsByAgency).toHaveLength(before + 1);
  });

  it('is for the archivist only: staff and referring officers get 403, and the code never goes in the URL', async () => {
    const idp = await tokens();
    for (const token of [await idp.workforce('staff', 'anna'), await idp.workforce('social-service', 'tukums')]) {
      expect((await api('/staff/data-exports', { token, json: { personalCode: clientCode } })).status).toBe(403);
    }
    const invalid = await api('/staff/data-exports', { token: archivist, json: { personalCode: '123' } });
    expect(invalid.status).toBe(400);
  });
});
