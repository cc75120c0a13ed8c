/**
 * A staff member's day through the local gateway: decisions through the whole
 * lifecycle, the applicant's inbox at each step, stale and illegal decisions,
 * two people deciding at once, withdrawal, and queue positions as others move.
 */
import { describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { applicationItems } from '../../functions/adapters/entities/application';
import { rigaDate } from '../../functions/core/dates';
import { daysBefore } from '../support/fixtures';
import { freshPersonalCode, referralOf, validForm } from '../support/service-forms';
import { storedApplication } from '../support/stored-application';
import { api, documentClient, emailsAbout, inbox, local, settledEmailsAbout, tokens, waitFor } from './support/local';

const today = rigaDate(new Date());
const inDays = (days: number) => daysBefore(today, -days);

const staff = async (services?: string[]) => (await tokens()).workforce('staff', `staff-${crypto.randomUUID().slice(0, 8)}`, services ? { services } : {});

/** A citizen with their own address, and an application of theirs. */
const applicantWith = async (form = validForm('social-rehabilitation', 'functional-impairment', today)) => {
  const email = `applicant.${crypto.randomUUID().slice(0, 8)}@example.lv`;
  const token = await (await tokens()).citizen(freshPersonalCode(), { email });
  const created = await api('/applications', { token, json: { ...form, applicant: { ...form.applicant, email } } });
  expect(created.status).toBe(201);
  return { token, email, id: created.body.id as string, reference: created.body.reference as string };
};

const decide = async (token: string, id: string, decision: Record<string, unknown>) => {
  const current = await api(`/staff/applications/${id}`, { token });
  return api(`/staff/applications/${id}/decisions`, { token, json: { expectedVersion: current.body.version, ...decision } });
};

/** The subjects of every e-mail to one address about one application, once `count` arrived and the stream settled. */
const subjectsTo = async (address: string, reference: string, count: number) =>
  (await settledEmailsAbout(reference, count, address)).map((email) => email.subject);

describe('a staff member takes an application from submitted to completed', () => {
  it('moves it through every step; the applicant gets an e-mail at each, staff one when documents arrive', async () => {
    const applicant = await applicantWith();
    const officer = await staff();
    const steps: Record<string, unknown>[] = [
      { type: 'register' },
      { type: 'request-documents', documents: ['Ģimenes ārsta izziņa'], deadline: inDays(14) },
    ];
    for (const step of steps) expect((await decide(officer, applicant.id, step)).status).toBe(200);

    const mine = await api(`/applications/${applicant.id}`, { token: applicant.token });
    const sent = await api(`/applications/${applicant.id}/documents`, {
      token: applicant.token,
      json: { expectedVersion: mine.body.version, documents: [{ name: 'Ģimenes ārsta izziņa', sentBy: 'email' }] },
    });
    expect(sent.body).toMatchObject({ status: 'under_review', allowedDecisions: expect.arrayContaining(['admit-to-queue', 'grant', 'refuse']) });

    for (const step of [
      { type: 'admit-to-queue' },
      { type: 'grant', startsOn: inDays(30) },
      { type: 'start', startedOn: today },
      { type: 'complete', completedOn: today, recommendations: 'Turpināt vingrojumus mājās.' },
    ]) {
      expect((await decide(officer, applicant.id, step)).status).toBe(200);
    }

    const record = await api(`/staff/applications/${applicant.id}`, { token: officer });
    expect(record.body.status).toBe('completed');
    expect(record.body.decisions.map((d: { type: string }) => d.type)).toEqual([
      'register',
      'request-documents',
      'admit-to-queue',
      'grant',
      'start',
      'complete',
    ]);
    expect(record.body.allowedDecisions).toEqual([]);
    expect(record.body.timeline.filter((e: { type: string }) => e.type === 'viewed_by_staff').length).toBeGreaterThan(0);

    // Confirmation, then one update per decision: register, documents, queue, grant, start, complete.
    const subjects = await subjectsTo(applicant.email, applicant.reference, 7);
    expect(subjects).toHaveLength(7);
    expect(subjects.some((subject) => subject.includes('ir saņemts'))).toBe(true);
    expect(new Set(subjects).size).toBe(7);
    const documentsAlert = await waitFor(async () =>
      (await emailsAbout(applicant.reference)).find((email) => email.destination.to.includes('social-rehabilitation@siva.gov.lv') && /dokument/i.test(email.subject)),
    );
    expect(documentsAlert.body.text).not.toContain(applicant.email);
  });
});

describe('a refusal', () => {
  it('tells the applicant why and how to contest it, and frees them to apply again', async () => {
    const applicant = await applicantWith(validForm('vocational-suitability', 'disability', today));
    const officer = await staff(['vocational-suitability']);
    await decide(officer, applicant.id, { type: 'register' });
    const refused = await decide(officer, applicant.id, {
      type: 'refuse',
      reason: 'Iesniegtā izziņa nav derīga.',
      appeal: 'Lēmumu var apstrīdēt SIVA direktoram viena mēneša laikā.',
    });
    expect(refused.body).toMatchObject({ status: 'refused', allowedDecisions: [] });

    const emails = await settledEmailsAbout(applicant.reference, 3, applicant.email);
    expect(emails).toHaveLength(3);
    const refusal = emails.find((email) => email.body.text?.includes('Iesniegtā izziņa nav derīga.'));
    expect(refusal?.body.text).toContain('Lēmumu var apstrīdēt SIVA direktoram viena mēneša laikā.');

    const again = await api('/applications', { token: applicant.token, json: validForm('vocational-suitability', 'disability', today) });
    expect(again.status).toBe(201);
  });
});

describe('decisions that cannot stand', () => {
  it('a stale version gets 409; a decision the status does not allow gets 422 naming the allowed ones', async () => {
    const { id } = await applicantWith(validForm('social-rehabilitation', 'politically-repressed', today));
    const officer = await staff();
    const stale = await api(`/staff/applications/${id}/decisions`, { token: officer, json: { type: 'register', expectedVersion: 7 } });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].code).toBe('stale_version');

    const illegal = await api(`/staff/applications/${id}/decisions`, {
      token: officer,
      json: { type: 'complete', expectedVersion: 1, completedOn: today, recommendations: 'x' },
      headers: { 'accept-language': 'en' },
    });
    expect(illegal.status).toBe(422);
    expect(illegal.body.allowedDecisions).toEqual(['register']);
    expect(illegal.body.errors[0].message).toBe('"complete" is not possible from status "submitted". Allowed: register.');
  });

  it('two staff members deciding at once: exactly one wins', async () => {
    const { id } = await applicantWith(validForm('social-rehabilitation', 'chernobyl', today));
    const [first, second] = [await staff(), await staff()];
    const answers = await Promise.all([
      api(`/staff/applications/${id}/decisions`, { token: first, json: { type: 'register', expectedVersion: 1 } }),
      api(`/staff/applications/${id}/decisions`, { token: second, json: { type: 'register', expectedVersion: 1 } }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const record = await api(`/staff/applications/${id}`, { token: first });
    expect(record.body.decisions).toHaveLength(1);
    expect(record.body.version).toBe(2);
  });

  it('vocational services complete with a Ceļa karte; a request for documents needs a future deadline', async () => {
    const { id } = await applicantWith(validForm('vocational-suitability', 'mental-disorder', today));
    const officer = await staff();
    await decide(officer, id, { type: 'register' });
    const pastDeadline = await decide(officer, id, { type: 'request-documents', documents: ['Izziņa'], deadline: today });
    expect(pastDeadline.status).toBe(422);
    expect(pastDeadline.body.errors[0].code).toBe('deadline_not_in_future');
    for (const step of [{ type: 'grant' }, { type: 'start', startedOn: today }]) await decide(officer, id, step);
    const withoutRoadMap = await decide(officer, id, { type: 'complete', completedOn: today, recommendations: 'Programma: datorsistēmas' });
    expect(withoutRoadMap.status).toBe(422);
    expect(withoutRoadMap.body.errors[0].code).toBe('road_map_required');
  });
});

describe('withdrawal', () => {
  it('is possible until the service starts, not after', async () => {
    const early = await applicantWith(validForm('driving-training', 'category-b', today));
    const withdrawn = await api(`/applications/${early.id}/withdrawal`, { token: early.token, json: { expectedVersion: 1 } });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });

    const late = await applicantWith(validForm('vehicle-adaptation', 'paid', today));
    const officer = await staff();
    for (const step of [{ type: 'register' }, { type: 'grant' }, { type: 'start', startedOn: today }]) await decide(officer, late.id, step);
    const tooLate = await api(`/applications/${late.id}/withdrawal`, { token: late.token, json: { expectedVersion: 4 } });
    expect(tooLate.status).toBe(422);
  });

  it('keeps the reason the applicant gives, on the timeline staff read', async () => {
    const applicant = await applicantWith(validForm('driving-training', 'category-b', today));
    const reason = 'Pārcēlos uz citu pilsētu.\nPieteikšos vēlāk.';
    const withdrawn = await api(`/applications/${applicant.id}/withdrawal`, { token: applicant.token, json: { expectedVersion: 1, reason } });
    expect(withdrawn.status).toBe(200);

    const seen = await api(`/staff/applications/${applicant.id}`, { token: await staff() });
    expect(seen.body.timeline.find((event: { type: string }) => event.type === 'withdrawn')).toMatchObject({
      details: { from: 'submitted', to: 'withdrawn', reason },
      actor: { role: 'citizen' },
    });
  });
});

describe('the work list by date', () => {
  /** Applications submitted at the given instants, on a track of their own so other specs' applications stay out. */
  const submittedAt = async (instants: Record<string, string>) => {
    const track = `riga-days-${crypto.randomUUID().slice(0, 8)}`;
    const client = documentClient();
    const ids: Record<string, string> = {};
    for (const [label, at] of Object.entries(instants)) {
      const application = storedApplication({ track, submittedAt: at, updatedAt: at });
      await client.send(new PutCommand({ TableName: local.tableName, Item: applicationItems.toItem(application) }));
      ids[application.id] = label;
    }
    const officer = await staff();
    return async (dates: string) => {
      const listed = await api(`/staff/applications?serviceId=social-rehabilitation&track=${track}&limit=50&${dates}`, { token: officer });
      expect(listed.status).toBe(200);
      return listed.body.items.map((item: { id: string }) => ids[item.id]).sort();
    };
  };

  it.each([
    // EET, UTC+2: 21:30 UTC on the 5th is 23:30 in Riga on the 5th; 22:30 UTC is already the 6th.
    { season: 'winter', day: '2021-01-05', next: '2021-01-06', lateOnDay: '2021-01-05T21:30:00.000Z', justAfterMidnight: '2021-01-05T22:30:00.000Z', earlyOnDay: '2021-01-04T22:10:00.000Z' },
    // EEST, UTC+3: 20:30 UTC on the 5th is 23:30 in Riga; 21:30 UTC is 00:30 on the 6th.
    { season: 'summer', day: '2021-07-05', next: '2021-07-06', lateOnDay: '2021-07-05T20:30:00.000Z', justAfterMidnight: '2021-07-05T21:30:00.000Z', earlyOnDay: '2021-07-04T21:10:00.000Z' },
  ])('takes from and to as Riga calendar days ($season time)', async ({ day, next, lateOnDay, justAfterMidnight, earlyOnDay }) => {
    const list = await submittedAt({ '00:10 on the day': earlyOnDay, '23:30 on the day': lateOnDay, '00:30 the day after': justAfterMidnight });
    expect(await list(`from=${day}&to=${day}`)).toEqual(['00:10 on the day', '23:30 on the day']);
    expect(await list(`from=${next}`)).toEqual(['00:30 the day after']);
    expect(await list(`to=${day}`)).toEqual(['00:10 on the day', '23:30 on the day']);
  });
});

describe('queue positions', () => {
  it('follow admission order with priority groups, and stay correct as others are granted or withdraw', async () => {
    // A track of its own in this run: a fresh social service's referrals would share the queue with other tests.
    const track = 'after-medical-rehabilitation';
    const officer = await staff();
    const admitted = async (subacute: boolean) => {
      const form = validForm('social-rehabilitation', track, today, { subacute });
      const applicant = await applicantWith(form);
      await decide(officer, applicant.id, { type: 'register' });
      expect((await decide(officer, applicant.id, { type: 'admit-to-queue' })).status).toBe(200);
      return applicant;
    };
    const positionOf = async (applicant: { id: string; token: string }) => (await api(`/applications/${applicant.id}`, { token: applicant.token })).body.queue;

    const a = await admitted(false);
    const b = await admitted(false);
    const before = { a: (await positionOf(a)).position, b: (await positionOf(b)).position };
    expect(before.b).toBe(before.a + 1);
    const urgent = await admitted(true);
    // Urgent (subacute) cases go ahead of everyone admitted earlier.
    expect((await positionOf(urgent)).position).toBe(before.a);
    expect((await positionOf(a)).position).toBe(before.a + 1);
    expect((await positionOf(b)).position).toBe(before.b + 1);

    await decide(officer, a.id, { type: 'grant' });
    expect((await positionOf(b)).position).toBe(before.b);
    const urgentNow = await api(`/applications/${urgent.id}`, { token: urgent.token });
    await api(`/applications/${urgent.id}/withdrawal`, { token: urgent.token, json: { expectedVersion: urgentNow.body.version } });
    const bNow = await positionOf(b);
    expect(bNow).toMatchObject({ position: before.b - 1, positionAtAdmission: before.b, movedUp: 1 });
    expect((await api(`/applications/${a.id}`, { token: a.token })).body.queue).toBeUndefined();

    const queue = await api(`/staff/applications?serviceId=social-rehabilitation&track=${track}&sort=queue&limit=50`, { token: officer });
    const ids = queue.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(b.id);
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(urgent.id);
    expect(ids.indexOf(b.id)).toBe(bNow.position - 1);
  });
});

describe('the staff work list', () => {
  it("shows one of the caller's services, filtered by status and track, and refuses other services", async () => {
    const applicant = await applicantWith(validForm('early-intervention', 'after-acute-event', today));
    const officer = await staff(['early-intervention']);
    const submitted = await api('/staff/applications?serviceId=early-intervention&status=submitted&limit=50', { token: officer });
    expect(submitted.status).toBe(200);
    expect(submitted.body.items.map((item: { id: string }) => item.id)).toContain(applicant.id);
    expect(submitted.body.items.every((item: { status: string }) => item.status === 'submitted')).toBe(true);
    const otherTrack = await api('/staff/applications?serviceId=early-intervention&track=nothing-like-it', { token: officer });
    expect(otherTrack.body.items).toEqual([]);
    expect((await api('/staff/applications?serviceId=social-rehabilitation', { token: officer })).status).toBe(403);
  });

  it('a referral’s officer hears of each decision too', async () => {
    const municipality = `talsi-${Date.now()}`;
    const referrer = await (await tokens()).workforce('social-service', municipality, { officer: 'inga' });
    const created = await api('/referrals', {
      token: referrer,
      json: referralOf(validForm('coordinated-services', 'long-term-care-blind-adults', today), freshPersonalCode(), today),
    });
    await decide(await staff(), created.body.id, { type: 'register' });
    const officerAddress = `inga.social-service.${municipality}@example.lv`;
    const subjects = await subjectsTo(officerAddress, created.body.reference, 2);
    expect(subjects).toHaveLength(2);
    const toOfficer = (await inbox()).filter((email) => email.destination.to.includes(officerAddress));
    const update = toOfficer.find((email) => !email.subject.includes('saņemts'));
    expect(update?.body.text).toContain('Jaunais statuss');
    expect(update?.body.text).not.toContain('Anna');
  });
});

describe('the annual report, live', () => {
  it('counts an application and its decisions from the stream, for the staff member’s services only', async () => {
    const officer = await staff(['driving-training']);
    const year = today.slice(0, 4);
    const report = async () => (await api(`/staff/reports/${year}`, { token: officer })).body;
    const counted = (body: { services: Record<string, { applications: { total: number }; decisions: { byCategory: Record<string, number> } }> }) => ({
      applications: body.services['driving-training']?.applications.total ?? 0,
      grants: body.services['driving-training']?.decisions.byCategory.grant ?? 0,
    });
    const before = counted(await report());

    const applicant = await applicantWith(validForm('driving-training', 'category-b', today));
    for (const step of [{ type: 'register' }, { type: 'grant' }]) await decide(officer, applicant.id, step);

    const after = await waitFor(async () => {
      const now = counted(await report());
      return now.applications === before.applications + 1 && now.grants === before.grants + 1 && now;
    });
    expect(after).toEqual({ applications: before.applications + 1, grants: before.grants + 1 });
    const body = await report();
    expect(body.scope).toEqual(['driving-training']);
    expect(Object.keys(body.services)).toEqual(['driving-training']);
  });
});
