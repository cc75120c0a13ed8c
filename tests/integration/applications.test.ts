import { describe, expect, inject, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { functionalImpairmentApplication, newFormatCode, oldFormatCode, yearsBefore } from '../support/fixtures';
import { api, emailsAbout, settledEmailsAbout, tokens, waitFor } from './support/local';
import { freshPersonalCode, validForm } from '../support/service-forms';

const today = rigaDate(new Date());

const uniqueNewCode = freshPersonalCode;

/** A distinct citizen per call, so tests neither see each other's applications nor hold each other's open needs. */
const citizen = async (email = 'janis@example.lv', code = uniqueNewCode()) =>
  (await tokens()).citizen(code, { email, givenName: 'Jānis', familyName: 'Bērziņš' });

const submit = (token: string, json: unknown = functionalImpairmentApplication(today)) => api('/applications', { token, json });

describe('POST /applications', () => {
  it('stores a valid application and answers 201 with id, reference, status and Location', async () => {
    const response = await submit(await citizen());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'submitted', reference: expect.stringMatching(/^SIVA-\d{4}-\d{6}$/) });
    expect(response.headers.get('location')).toBe(`/applications/${response.body.id}`);
  });

  it('gives every application its own reference number', async () => {
    const references = await Promise.all([1, 2, 3, 4, 5].map(async () => (await submit(await citizen())).body.reference));
    expect(new Set(references).size).toBe(5);
  });

  it('takes the identity from the token, not from the form', async () => {
    const ownCode = uniqueNewCode();
    const token = await (await tokens()).citizen(ownCode, { givenName: 'Anna', familyName: 'Liepa' });
    const form = functionalImpairmentApplication(today);
    const created = await submit(token, { ...form, applicant: { ...form.applicant, dateOfBirth: '1990-04-04' } });
    const stored = await api(`/applications/${created.body.id}`, { token });
    expect(stored.body.applicant).toMatchObject({ personalCode: ownCode, givenName: 'Anna', familyName: 'Liepa' });

    const forged = await submit(token, { ...form, applicant: { ...form.applicant, personalCode: oldFormatCode } });
    expect(forged.status).toBe(422);
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'applicant.personalCode', code: 'not_own_personal_code' })]);
  });

  it("takes a new-format code holder's date of birth from eID when it confirms one, and refuses another", async () => {
    const form = functionalImpairmentApplication(today);
    const withBirthDate = (dateOfBirth: string) => ({ ...form, applicant: { ...form.applicant, dateOfBirth } });
    const token = await (await tokens()).citizen(uniqueNewCode(), { birthDate: '1980-05-17' });

    const declared = await api('/applications', { token, json: withBirthDate('1985-05-17') });
    expect(declared.status).toBe(422);
    expect(declared.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(declared.body.errors).toEqual([
      { field: 'applicant.dateOfBirth', pointer: '/applicant/dateOfBirth', code: 'birth_date_not_eid', message: expect.stringContaining('eID') },
    ]);
    expect(declared.body.errors[0].message).toMatch(/^Dzimšanas datums nesakrīt/);
    const inEnglish = await api('/applications', { token, json: withBirthDate('1985-05-17'), headers: { 'accept-language': 'en' } });
    expect(inEnglish.body.errors[0].message).toMatch(/^The date of birth does not match the one your eID confirms/);

    expect((await api('/applications', { token, json: withBirthDate('1980-05-17') })).status).toBe(201);
  });

  it('records a representative from their own token and the represented person from the form', async () => {
    const parent = await (await tokens()).citizen(newFormatCode, { givenName: 'Ilze', familyName: 'Kalna' });
    const form = functionalImpairmentApplication(today);
    const childBirthDate = yearsBefore(today, 16);
    const created = await submit(parent, {
      ...form,
      applicant: { ...form.applicant, givenName: 'Marta', familyName: 'Kalna', personalCode: uniqueNewCode(), dateOfBirth: childBirthDate },
      representative: {
        kind: 'legal-representative',
        document: { type: 'birth-certificate', number: 'DZ-123456', issuedOn: childBirthDate },
      },
    });
    expect(created.status).toBe(201);
    const stored = await api(`/applications/${created.body.id}`, { token: parent });
    expect(stored.body.channel).toBe('representative');
    expect(stored.body.applicant).toMatchObject({ givenName: 'Marta' });
    expect(stored.body.representative).toMatchObject({ givenName: 'Ilze', personalCode: newFormatCode, kind: 'legal-representative' });
  });

  it('refuses an applicant below working age with 422 and a message per field', async () => {
    const form = functionalImpairmentApplication(today);
    const tooYoung = { ...form, applicant: { ...form.applicant, dateOfBirth: yearsBefore(today, 14) } };
    const response = await submit(await (await tokens()).citizen(uniqueNewCode()), tooYoung);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.body.errors).toEqual([
      { field: 'applicant.dateOfBirth', pointer: '/applicant/dateOfBirth', code: 'too_young', message: 'Šis pakalpojums pieejams no 15 gadu vecuma.' },
    ]);
  });
});

describe('bad input never gets a 5xx and stores nothing', () => {
  const form = functionalImpairmentApplication(today);
  const cases: [string, { json?: unknown; body?: string; headers?: Record<string, string> }, number, string?][] = [
    ['malformed JSON', { body: '{"serviceId": "social-rehabilitation",' }, 400],
    ['a JSON array', { json: [form] }, 400],
    ['a wrong type', { json: { ...form, declarations: { informationIsTrue: 'yes', consentToProcessing: true } } }, 400, 'declarations.informationIsTrue'],
    ['an unknown field', { json: { ...form, priority: 'urgent' } }, 400, 'priority'],
    ['a missing field', { json: { ...form, evidence: {} } }, 400, 'evidence.disabilityGroup'],
    ['an over-long string', { json: { ...form, applicant: { ...form.applicant, address: { ...form.applicant.address, line: 'ā'.repeat(201) } } } }, 400, 'applicant.address.line'],
    ['a body over 64 KB', { json: { ...form, padding: 'x'.repeat(70_000) } }, 413],
    ['a form-encoded body', { body: 'serviceId=social-rehabilitation', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415],
    ['no content type', { body: JSON.stringify(form), headers: { 'content-type': '' } }, 415],
  ];

  it.each(cases)('%s', async (_name, request, status, field) => {
    const token = await (await tokens()).citizen(uniqueNewCode());
    const response = await api('/applications', { token, ...request });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack traces
    if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await api('/applications', { token })).body.items).toEqual([]);
  });

  it('answers in English when asked, in Latvian otherwise', async () => {
    const token = await citizen();
    const bad = { ...form, applicant: { ...form.applicant, email: 'nav-epasts' } };
    const lv = await api('/applications', { token, json: bad });
    const en = await api('/applications', { token, json: bad, headers: { 'accept-language': 'en' } });
    expect(lv.body.errors[0].message).toBe('Ievadiet derīgu e-pasta adresi, piemēram, vards@example.lv.');
    expect(en.body.errors[0].message).toBe('Enter a valid e-mail address, for example name@example.lv.');
    expect(en.headers.get('content-language')).toBe('en');
  });
});

describe('reading applications', () => {
  it('shows the owner the application with its status and timeline', async () => {
    const token = await citizen();
    const created = await submit(token);
    const response = await api(`/applications/${created.body.id}`, { token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: created.body.id, reference: created.body.reference, status: 'submitted', serviceId: 'social-rehabilitation', track: 'functional-impairment' });
    expect(response.body.timeline[0]).toMatchObject({ type: 'submitted', status: 'submitted' });
  });

  it("answers 404 to another citizen, 401 without a token and 401 to a workforce token on a citizen route", async () => {
    const created = await submit(await citizen());
    const path = `/applications/${created.body.id}`;
    expect((await api(path, { token: await (await tokens()).citizen(uniqueNewCode()) })).status).toBe(404);
    expect((await api(path)).status).toBe(401);
    expect((await api(path, { token: await (await tokens()).workforce('staff', 'anna') })).status).toBe(401);
    expect((await api('/applications/not-a-uuid', { token: await citizen() })).status).toBe(404);
  });

  it("lists only the caller's applications, newest first, page by page", async () => {
    const token = await (await tokens()).citizen(uniqueNewCode());
    const ids: string[] = [];
    // One open application per track: three tracks give three applications.
    for (const track of ['functional-impairment', 'after-medical-rehabilitation', 'politically-repressed']) {
      ids.push((await submit(token, validForm('social-rehabilitation', track, today))).body.id);
    }

    const first = await api('/applications?limit=2', { token });
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[1]]);
    const second = await api(`/applications?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token });
    expect(second.body.items.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeUndefined();

    const stranger = await (await tokens()).citizen(uniqueNewCode());
    expect((await api('/applications', { token: stranger })).body.items).toEqual([]);
    // A cursor is bound to its owner: replaying one under another account reaches nothing of the first's.
    const replayed = await api(`/applications?cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: stranger });
    expect(replayed.body.items).toEqual([]);
    expect((await api('/applications?cursor=%7Bnot-base64', { token })).status).toBe(400);
    expect((await api('/applications?limit=500', { token })).status).toBe(400);
  });
});

describe('e-mails after a submission', () => {
  it('sends the applicant a confirmation and the agency an alert, and records both on the timeline', async () => {
    const personalCode = uniqueNewCode();
    const token = await citizen('liga.ozola@example.lv', personalCode);
    const form = functionalImpairmentApplication(today);
    const applicant = { ...form.applicant, email: 'liga.ozola@example.lv', language: 'en' };
    const created = await submit(token, { ...form, applicant });
    const reference: string = created.body.reference;

    const emails = await settledEmailsAbout(reference, 2);
    expect(emails).toHaveLength(2);
    const confirmation = emails.find((e) => e.destination.to.includes('liga.ozola@example.lv'));
    const alert = emails.find((e) => e.destination.to.includes('social-rehabilitation@siva.gov.lv'));
    expect(confirmation?.subject).toBe(`Your application ${reference} has been received`);
    // In the applicant's language, the portal's page of the application (locally the local portal).
    expect(confirmation?.body.text).toContain(`${inject('portalUrl')}/en/applications/${created.body.id}`);
    expect(alert?.subject).toBe(`Jauns iesniegums ${reference}: Sociālā rehabilitācija`);
    // The alert names no one: none of the personal data this submission carried (token and form) is in it.
    for (const personal of [personalCode, 'liga.ozola@example.lv', 'Jānis', 'Bērziņš', applicant.dateOfBirth, applicant.address.line, applicant.phone]) {
      expect(`${alert?.body.text}\n${alert?.body.html}\n${alert?.subject}`).not.toContain(personal);
    }

    const timeline = await waitFor(async () => {
      const { body } = await api(`/applications/${created.body.id}`, { token });
      const sent = body.timeline.filter((event: { type: string }) => event.type === 'notification_sent');
      return sent.length === 2 && sent;
    });
    expect(timeline.map((event: { details: { notification: string } }) => event.details.notification).sort()).toEqual([
      'agency-alert',
      'applicant-confirmation',
    ]);
    expect(await emailsAbout(reference)).toHaveLength(2);
  });
});

describe('filing for someone else (docs/access.md)', () => {
  const staff = async () => (await tokens()).workforce('staff', 'anna');
  /** A parent's token, and a form naming a child who is a person of their own (code, name, birth date). */
  const representation = async () => {
    const parent = await (await tokens()).citizen(uniqueNewCode(), { givenName: 'Ilze', familyName: 'Kalna' });
    const child = { personalCode: uniqueNewCode(), givenName: 'Marta', familyName: 'Kalna', dateOfBirth: yearsBefore(today, 16) };
    const form = functionalImpairmentApplication(today);
    const body = {
      ...form,
      applicant: { ...form.applicant, ...child },
      representative: { kind: 'legal-representative', document: { type: 'birth-certificate', number: 'DZ-123456', issuedOn: child.dateOfBirth } },
    };
    const childToken = await (await tokens()).citizen(child.personalCode, { givenName: 'Marta', familyName: 'Kalna', birthDate: child.dateOfBirth });
    return { parent, child, body, childToken };
  };

  it('a representative filing for someone with an open application gets the same 201, and staff see it flagged', async () => {
    const { parent, child, body, childToken } = await representation();
    const selfForm = functionalImpairmentApplication(today);
    const own = await submit(childToken, { ...selfForm, applicant: { ...selfForm.applicant, dateOfBirth: child.dateOfBirth } });
    expect(own.status).toBe(201);

    const filed = await submit(parent, body);
    expect(filed.status).toBe(201);
    expect(filed.text).not.toContain(own.body.id);
    const flagged = await api(`/staff/applications/${filed.body.id}`, { token: await staff() });
    expect(flagged.body).toMatchObject({ possibleDuplicateOf: { id: own.body.id }, representativeConfirmed: null });
  });

  it('until staff confirm the representative, they read back only what they filed and may not act; the person may', async () => {
    const { parent, body, childToken } = await representation();
    const filed = await submit(parent, body);
    const asFiled = await api(`/applications/${filed.body.id}`, { token: parent });
    expect(asFiled.status).toBe(200);
    expect(asFiled.body).toMatchObject({ id: filed.body.id, representation: 'awaiting-confirmation', applicant: { givenName: 'Marta' } });
    for (const hidden of ['status', 'version', 'timeline', 'decisions', 'queue']) expect(asFiled.body).not.toHaveProperty(hidden);
    const listed = await api('/applications', { token: parent });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: filed.body.id, filedBy: 'representative', representation: 'awaiting-confirmation' })]);
    expect(listed.body.items[0]).not.toHaveProperty('status');

    const refused = await api(`/applications/${filed.body.id}/withdrawal`, { token: parent, json: { expectedVersion: 1 }, headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({ code: 'representative_not_confirmed', message: expect.stringMatching(/^SIVA has not yet confirmed/) });

    // The person themself reads everything, and sees who filed it.
    const asPerson = await api(`/applications/${filed.body.id}`, { token: childToken });
    expect(asPerson.body).toMatchObject({ status: 'submitted', version: 1, channel: 'representative' });
    expect((await api('/applications', { token: childToken })).body.items).toEqual([expect.objectContaining({ id: filed.body.id, filedBy: 'representative', status: 'submitted' })]);

    const confirmed = await api(`/staff/applications/${filed.body.id}/representative-confirmation`, { token: await staff(), json: { expectedVersion: 1 } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ version: 2, event: { type: 'representative_confirmed' } });
    expect((await api(`/applications/${filed.body.id}`, { token: parent })).body).toMatchObject({ status: 'submitted', version: 2 });
    const withdrawn = await api(`/applications/${filed.body.id}/withdrawal`, { token: parent, json: { expectedVersion: 2 } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('a record under the person’s code but another name or birth date is not theirs: 404, and not in their list', async () => {
    const { parent, child, body } = await representation();
    const filed = await submit(parent, body);
    const idp = await tokens();
    const sameCode = (options: { givenName: string; familyName: string; birthDate?: string }) => idp.citizen(child.personalCode, options);
    const strangers = [
      await sameCode({ givenName: 'Pēteris', familyName: 'Ozols' }),
      await sameCode({ givenName: 'Marta', familyName: 'Kalna', birthDate: yearsBefore(today, 40) }),
    ];
    for (const stranger of strangers) {
      expect((await api(`/applications/${filed.body.id}`, { token: stranger })).status).toBe(404);
      expect((await api(`/applications/${filed.body.id}/withdrawal`, { token: stranger, json: { expectedVersion: 1 } })).status).toBe(404);
      expect((await api('/applications', { token: stranger })).body.items).toEqual([]);
    }
    // Case, accents and spacing of the name do not matter; a token without a birth date is matched by name.
    const samePerson = await sameCode({ givenName: 'MARTA', familyName: 'Kalna ' });
    expect((await api(`/applications/${filed.body.id}`, { token: samePerson })).status).toBe(200);
  });

  it('a representative may file 5 applications a day; the 6th gets 429 in Latvian or English, and is not stored', async () => {
    const { parent } = await representation();
    const filings = await Promise.all(
      Array.from({ length: 5 }, async () => (await submit(parent, (await representation()).body)).status),
    );
    expect(filings).toEqual([201, 201, 201, 201, 201]);
    const sixth = await api('/applications', { token: parent, json: (await representation()).body, headers: { 'accept-language': 'en' } });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(sixth.body).toMatchObject({ title: 'Too many applications', errors: [{ code: 'representative_daily_limit', message: expect.stringContaining('at most 5') }] });
    const lv = await submit(parent, (await representation()).body);
    expect(lv.body.title).toBe('Pārāk daudz iesniegumu');
    expect((await api('/applications?limit=50', { token: parent })).body.items).toHaveLength(5);
    // Applying for oneself is not limited.
    expect((await submit(parent)).status).toBe(201);
  });
});
