/**
 * Referrals end to end through the local gateway, one application per need,
 * idempotent POSTs and the public pre-check, all on the real local servers.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { importJWK, SignJWT, type JWK } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { fingerprint } from '../../functions/adapters/digests';
import { idempotencyKey } from '../../functions/adapters/keys';
import { idempotencyScope } from '../../functions/core/applications/types';
import { rigaDate } from '../../functions/core/dates';
import { devIssuers, workforceAccessClaims } from '../../local/dev-idp';
import { applicantContact } from '../support/fixtures';
import { freshPersonalCode, referralOf, validForm } from '../support/service-forms';
import { api, documentClient, emailsAbout, local, settledEmailsAbout, tokens, waitFor } from './support/local';

const today = rigaDate(new Date());

const officer = async (kind: 'social-service' | 'nva' | 'medical-institution' | 'armed-forces', organisation: string, name = 'officer') =>
  (await tokens()).workforce(kind, organisation, { officer: name });

const refer = (token: string, json: unknown, headers: Record<string, string> = {}) => api('/referrals', { token, json, headers });

describe('POST /referrals', () => {
  it('a social service refers a client to a coordinated service; client and officer each get their own confirmation', async () => {
    const token = await officer('social-service', 'tukums', 'ilze');
    const code = freshPersonalCode();
    const form = validForm('coordinated-services', 'long-term-care-blind-adults', today);
    const body = referralOf({ ...form, applicant: { ...form.applicant, email: 'klients@example.lv' } }, code, today);

    const created = await refer(token, body);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/referrals/${created.body.id}`);

    const stored = await api(`/referrals/${created.body.id}`, { token });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      channel: 'referral',
      serviceId: 'coordinated-services',
      applicant: { personalCode: code, givenName: 'Anna', familyName: 'Kalniņa' },
      referral: { kind: 'social-service', organisation: 'tukums', officerName: 'ilze (social-service tukums)', number: body.referral.number },
    });
    expect(stored.body.timeline[0]).toMatchObject({ type: 'submitted', details: { channel: 'referral', referrer: 'social-service' } });

    const emails = await settledEmailsAbout(created.body.reference, 3);
    expect(emails).toHaveLength(3);
    const to = (address: string) => emails.filter((email) => email.destination.to.includes(address));
    expect(to('klients@example.lv')).toHaveLength(1);
    expect(to('klients@example.lv')[0]!.body.text).toContain('nosūtījumu, ko jūsu vārdā iesniedza Pašvaldības sociālais dienests (tukums)');
    expect(to('ilze.social-service.tukums@example.lv')).toHaveLength(1);
    expect(to('ilze.social-service.tukums@example.lv')[0]!.subject).toBe(`Nosūtījums ${body.referral.number} saņemts: ${created.body.reference}`);
    expect(to('coordinated-services@siva.gov.lv')).toHaveLength(1);
  });

  it('a referral on an addiction track: client, officer and agency are only told there is news (docs/notifications.md)', async () => {
    const token = await officer('social-service', 'tukums', 'ilze');
    const form = validForm('coordinated-services', 'addiction-adults', today);
    const created = await refer(token, referralOf({ ...form, applicant: { ...form.applicant, email: 'klients@example.lv' } }, freshPersonalCode(), today));
    expect(created.status).toBe(201);
    const emails = await waitFor(async () => {
      const found = await emailsAbout(created.body.reference);
      return found.length >= 3 && found;
    });
    expect(emails.map((email) => email.subject).sort()).toEqual(
      [`Jaunumi par iesniegumu ${created.body.reference}`, `Jaunumi par iesniegumu ${created.body.reference}`, `Jaunumi par jūsu iesniegumu ${created.body.reference}`].sort(),
    );
    for (const email of emails) expect(`${email.body.text}${email.body.html}`).not.toMatch(/atkarīb|addiction|Koordinēt|Anna|Kalniņa/i);
  });

  it('without the client’s e-mail, only the officer and the agency are written to', async () => {
    const token = await officer('social-service', 'tukums');
    const form = validForm('social-rehabilitation', 'functional-impairment', today);
    const { email: _none, ...applicant } = applicantContact;
    const created = await refer(token, referralOf({ ...form, applicant } as typeof form, freshPersonalCode(), today));
    expect(created.status).toBe(201);
    const emails = await settledEmailsAbout(created.body.reference, 2);
    expect(emails.map((email) => email.destination.to[0]).sort()).toEqual(
      ['officer.social-service.tukums@example.lv', 'social-rehabilitation@siva.gov.lv'],
    );
    expect(emails).toHaveLength(2);
  });

  it('the NVA refers to suitability assessment and a medical institution to early intervention, each only there', async () => {
    const nva = await officer('nva', 'riga-office');
    const doctor = await officer('medical-institution', 'vaivari', 'dr-liepa');
    expect((await refer(nva, referralOf(validForm('vocational-suitability', 'unemployed-nva', today), freshPersonalCode(), today))).status).toBe(201);
    const early = referralOf(validForm('early-intervention', 'after-acute-event', today), freshPersonalCode(), today, { doctorName: 'Dr. Liepa' });
    expect((await refer(doctor, early)).status).toBe(201);

    const wrongService = await refer(nva, referralOf(validForm('coordinated-services', 'trafficking-victims', today), freshPersonalCode(), today));
    expect(wrongService.status).toBe(422);
    expect(wrongService.body.errors).toEqual([expect.objectContaining({ field: 'application.track', code: 'not_referable' })]);
  });

  it('needs the client named and their consent; a citizen cannot file a referral', async () => {
    const token = await officer('social-service', 'tukums');
    const form = validForm('coordinated-services', 'trafficking-victims', today);
    const unnamed = await refer(token, { referral: { number: 'N-1', date: today, clientConsent: true }, application: form });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'application.applicant.personalCode',
      'application.applicant.givenName',
      'application.applicant.familyName',
    ]);
    const noConsent = await refer(token, referralOf(form, freshPersonalCode(), today, { clientConsent: false }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.errors[0]).toMatchObject({ field: 'referral.clientConsent', code: 'must_accept' });
    const citizen = await (await tokens()).citizen(freshPersonalCode());
    expect((await refer(citizen, referralOf(form, freshPersonalCode(), today))).status).toBe(401);
  });
});

describe('GET /referrals', () => {
  it("lists the organisation's referrals, newest first, page by page; another municipality sees none of them", async () => {
    const municipality = `ludza-${Date.now()}`;
    const first = await officer('social-service', municipality, 'a');
    const colleague = await officer('social-service', municipality, 'b');
    const ids: string[] = [];
    for (const track of ['addiction-adults', 'trafficking-victims', 'long-term-care-blind-adults']) {
      ids.push((await refer(first, referralOf(validForm('coordinated-services', track, today), freshPersonalCode(), today))).body.id);
    }

    const page1 = await api('/referrals?limit=2', { token: colleague });
    expect(page1.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.items[0]).toMatchObject({ status: 'submitted', client: { givenName: 'Anna' }, referral: { officerName: 'a (social-service ' + municipality + ')' } });
    const page2 = await api(`/referrals?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { token: colleague });
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);

    const neighbour = await officer('social-service', `${municipality}-neighbour`);
    expect((await api('/referrals', { token: neighbour })).body.items).toEqual([]);
    expect((await api(`/referrals/${ids[0]}`, { token: neighbour })).status).toBe(404);
    // A cursor is bound to the list it came from: another organisation's is refused, never read from.
    const foreignCursor = await api(`/referrals?cursor=${encodeURIComponent(page1.body.nextCursor)}`, { token: neighbour });
    expect(foreignCursor.status).toBe(400);
    expect(JSON.stringify(foreignCursor.body)).not.toContain(ids[0]);
  });
});

describe('GET /referrals/{id}', () => {
  it("records each officer's read of the full record on the timeline, as staff reads are (who and when, nothing of the data)", async () => {
    const municipality = `kuldiga-${Date.now()}`;
    const filer = await officer('social-service', municipality, 'rita');
    const created = await refer(filer, referralOf(validForm('coordinated-services', 'addiction-adults', today), freshPersonalCode(), today));
    expect(created.status).toBe(201);

    const read = await api(`/referrals/${created.body.id}`, { token: filer });
    expect(read.status).toBe(200);
    const viewed = read.body.timeline.filter((event: { type: string }) => event.type === 'viewed_by_referrer');
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).not.toHaveProperty('details');

    // A refused read is not recorded: the neighbour gets 404 and the timeline stays as it was.
    expect((await api(`/referrals/${created.body.id}`, { token: await officer('social-service', `${municipality}-x`) })).status).toBe(404);

    const staff = await (await tokens()).workforce('staff', 'auditor', { services: ['coordinated-services'] });
    const record = await api(`/staff/applications/${created.body.id}`, { token: staff });
    const reads = record.body.timeline.filter((event: { type: string }) => event.type === 'viewed_by_referrer');
    expect(reads).toEqual([
      expect.objectContaining({ actor: { role: 'social-service', subject: `social-service-${municipality}-rita` } }),
    ]);
  });
});

describe('one open application per person, service and track', () => {
  it('a second application gets 409 with a link to the open one; another track is a separate need', async () => {
    const token = await (await tokens()).citizen(freshPersonalCode());
    const first = await api('/applications', { token, json: validForm('social-rehabilitation', 'functional-impairment', today) });
    const second = await api('/applications', { token, json: validForm('social-rehabilitation', 'functional-impairment', today) });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(second.body).toMatchObject({ openApplication: { id: first.body.id, href: `/applications/${first.body.id}`, status: 'submitted' } });
    expect(second.body.errors[0].code).toBe('duplicate_application');

    const otherTrack = await api('/applications', { token, json: validForm('social-rehabilitation', 'politically-repressed', today) });
    expect(otherTrack.status).toBe(201);
  });

  it('a referral for someone who already applied is stored like any other, flagged for staff, so the officer learns nothing', async () => {
    const code = freshPersonalCode();
    const citizen = await (await tokens()).citizen(code, { givenName: 'Anna', familyName: 'Kalniņa' });
    const own = await api('/applications', { token: citizen, json: validForm('social-rehabilitation', 'functional-impairment', today) });
    const officerToken = await officer('social-service', 'tukums');
    const referral = await refer(officerToken, referralOf(validForm('social-rehabilitation', 'functional-impairment', today), code, today));
    // The same answer as for a person with nothing open: the filing is no oracle on someone else's needs.
    const control = await refer(officerToken, referralOf(validForm('social-rehabilitation', 'functional-impairment', today), freshPersonalCode(), today));
    expect([referral.status, control.status]).toEqual([201, 201]);
    expect(Object.keys(referral.body).sort()).toEqual(Object.keys(control.body).sort());
    expect(referral.text).not.toContain(own.body.id);

    const asOfficer = await api(`/referrals/${referral.body.id}`, { token: officerToken });
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.text).not.toContain(own.body.id);
    expect(asOfficer.body.possibleDuplicateOf).toBeUndefined();

    const staff = await api(`/staff/applications/${referral.body.id}`, { token: await (await tokens()).workforce('staff', 'anna') });
    expect(staff.body.possibleDuplicateOf).toEqual({ id: own.body.id, href: `/staff/applications/${own.body.id}` });
    const work = await api(`/staff/applications?serviceId=social-rehabilitation&limit=50`, { token: await (await tokens()).workforce('staff', 'anna') });
    expect(work.body.items.find((item: { id: string }) => item.id === referral.body.id)).toMatchObject({ possibleDuplicateOf: { id: own.body.id } });

    // The person sees both under their own list, each marked by who filed it; their own open need is untouched.
    const mine = await api('/applications', { token: citizen });
    expect(mine.body.items.map((item: { id: string; filedBy: string }) => [item.id, item.filedBy])).toEqual([
      [referral.body.id, 'referral'],
      [own.body.id, 'self'],
    ]);
    const again = await api('/applications', { token: citizen, json: validForm('social-rehabilitation', 'functional-impairment', today) });
    expect(again.status).toBe(409);
    expect(again.body.openApplication.id).toBe(own.body.id);
  });
});

describe('Idempotency-Key', () => {
  it('the same key and body return the first answer; the same key with another body is refused', async () => {
    const token = await (await tokens()).citizen(freshPersonalCode());
    const headers = { 'idempotency-key': `key-${crypto.randomUUID()}` };
    const form = validForm('vehicle-adaptation', 'paid', today);
    const first = await api('/applications', { token, json: form, headers });
    const again = await api('/applications', { token, json: form, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const changed = await api('/applications', { token, json: validForm('vehicle-adaptation', 'state-funded', today), headers });
    expect(changed.status).toBe(422);
    expect(changed.body.errors[0].code).toBe('idempotency_key_reused');
    expect((await api('/applications', { token })).body.items).toHaveLength(1);
  });

  it('concurrent duplicates create exactly one application and all get its answer', async () => {
    const token = await officer('social-service', `cesis-${Date.now()}`);
    const body = referralOf(validForm('coordinated-services', 'trafficking-victims', today), freshPersonalCode(), today);
    const headers = { 'idempotency-key': `key-${crypto.randomUUID()}` };
    const answers = await Promise.all(Array.from({ length: 6 }, () => refer(token, body, headers)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect((await api('/referrals', { token })).body.items).toHaveLength(1);
  });

  it('keys are per caller: a citizen and an officer whose accounts share a subject never get each other’s answer', async () => {
    // Two issuers may hand out the same `sub`; the key's scope is issuer and subject, not the subject alone.
    const signer = await importJWK(JSON.parse(inject('idpKey')) as JWK, 'ES256');
    const subject = `shared-${crypto.randomUUID()}`;
    const sign = (audience: keyof typeof devIssuers, claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'dev-idp-1', typ: 'JWT' })
        .setIssuer(devIssuers[audience].issuer)
        .setAudience(devIssuers[audience].audience)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(signer);
    const citizen = await sign('citizen', { personal_code: freshPersonalCode().replace('-', ''), given_name: 'Jānis', family_name: 'Bērziņš', email: 'janis@example.lv' });
    const officer = await sign(
      'workforce',
      workforceAccessClaims(
        { groups: ['social-service'], attributes: { 'custom:organisation': `ogre-${Date.now()}`, name: 'Ilze', email: 'ilze@example.lv', email_verified: 'true' } },
        'ilze',
      ),
    );
    const headers = { 'idempotency-key': `shared-key-${crypto.randomUUID()}` };

    const own = await api('/applications', { token: citizen, json: validForm('vehicle-adaptation', 'paid', today), headers });
    const referred = await refer(officer, referralOf(validForm('coordinated-services', 'addiction-adults', today), freshPersonalCode(), today), headers);
    expect(own.status).toBe(201);
    expect(referred.status).toBe(201);
    expect(referred.headers.get('idempotent-replayed')).toBeNull();
    expect(referred.body.id).not.toBe(own.body.id);
  });

  it('an answer past its expiry is neither replayed nor in the way of a new request, even before TTL deletes it', async () => {
    const citizen = await (await tokens()).citizen(freshPersonalCode());
    const form = validForm('vehicle-adaptation', 'paid', today);
    const key = `expired-${crypto.randomUUID()}`;
    const { iss, sub } = JSON.parse(Buffer.from(citizen.split('.')[1]!, 'base64url').toString('utf8')) as { iss: string; sub: string };
    const expiredAnswer = { id: crypto.randomUUID(), reference: 'SIVA-2020-000001', status: 'submitted', submittedAt: '2020-01-01T10:00:00.000Z' };
    await documentClient().send(
      new PutCommand({
        TableName: local.tableName,
        Item: {
          ...idempotencyKey(idempotencyScope(iss, sub), key),
          entity: 'idempotency',
          fingerprint: fingerprint(form),
          receipt: expiredAnswer,
          expiresAt: Math.floor(Date.now() / 1000) - 60,
        },
      }),
    );

    const created = await api('/applications', { token: citizen, json: form, headers: { 'idempotency-key': key } });
    expect(created.status).toBe(201);
    expect(created.headers.get('idempotent-replayed')).toBeNull();
    expect(created.body.id).not.toBe(expiredAnswer.id);
    const again = await api('/applications', { token: citizen, json: form, headers: { 'idempotency-key': key } });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(created.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('a key with `#` (the separator of stored keys) is refused with a field message in Latvian and English', async () => {
    const token = await (await tokens()).citizen(freshPersonalCode());
    const withHash = (language: string) =>
      api('/applications', { token, json: validForm('driving-training', 'category-b', today), headers: { 'idempotency-key': 'order#12345678', 'accept-language': language } });
    const latvian = await withHash('lv');
    expect(latvian.status).toBe(400);
    expect(latvian.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(latvian.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', code: 'idempotency_key', message: expect.stringContaining('#') });
    const english = await withHash('en');
    expect(english.body.errors[0]).toMatchObject({ code: 'idempotency_key', message: 'The Idempotency-Key header must be 8 to 128 printable characters, without #.' });
  });

  it('a key that is not 8–128 printable characters is refused', async () => {
    const token = await (await tokens()).citizen(freshPersonalCode());
    const response = await api('/applications', { token, json: validForm('driving-training', 'category-b', today), headers: { 'idempotency-key': 'short' } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', code: 'idempotency_key' });
  });
});

describe('POST /services/{serviceId}/eligibility', () => {
  // That it stores nothing: the function has no table (tests/unit/precheck-clock.test.ts, tests/infra).
  it('answers without a sign-in, in the language asked for', async () => {
    const response = await api('/services/early-intervention/eligibility', {
      json: { dateOfBirth: '1980-02-02', evidence: { acuteEventDate: '2020-01-01' } },
      headers: { 'accept-language': 'en' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      serviceId: 'early-intervention',
      appearsEligible: false,
      alternatives: [{ serviceId: 'vocational-suitability', name: 'Vocational suitability assessment', href: '/services/vocational-suitability/eligibility' }],
    });
    expect(response.body.tracks[0].reasons[0].message).toMatch(/^Early intervention is for the first 6 months/);
    expect(response.body.tracks[0].evidence[0]).toMatchObject({ id: 'medical-referral', name: expect.stringContaining('referral') });
  });

  it('answers 404 for an unknown service and 400 for an unknown track', async () => {
    expect((await api('/services/lottery/eligibility', { json: {} })).status).toBe(404);
    const unknownTrack = await api('/services/driving-training/eligibility', { json: { track: 'category-c' } });
    expect(unknownTrack.status).toBe(400);
    expect(unknownTrack.body.errors[0]).toMatchObject({ field: 'track', code: 'invalid_choice' });
  });
});
