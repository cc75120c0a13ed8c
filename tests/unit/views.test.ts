/**
 * What each reader sees of an application (functions/core/views.ts): the person and the referring officer the same
 * facts, staff those and who did what, an unconfirmed representative only what they filed; never an account id of
 * another person, and the list lines just enough to find one's way.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationRecord, CitizenPrincipal } from '../../functions/core/applications/types';
import type { Application, DecisionRecord, NotificationRecord, TimelineEvent } from '../../functions/core/model';
import { defaultRules } from '../../functions/core/rules';
import { referredApplication } from '../support/email-fixtures';
import { applicationSummary, applicationView, citizenSummary, citizenView, referralSummary, staffView, workSummary } from '../../functions/core/views';

const marta: CitizenPrincipal = { role: 'citizen', subject: 'eid-marta', personalCode: '32579461005', givenName: 'Marta', familyName: 'Ozola' };
const ilze: CitizenPrincipal = { role: 'citizen', subject: 'eid-ilze', personalCode: '38123456789', givenName: 'Ilze', familyName: 'Ozola' };

const application: Application = {
  id: 'app-1',
  reference: 'SIVA-2026-000007',
  serviceId: 'social-rehabilitation',
  track: 'functional-impairment',
  status: 'queued',
  version: 5,
  channel: 'self',
  ownerSubject: 'eid-marta',
  personKey: 'key-marta',
  applicant: { ...referredApplication.applicant, personalCode: '32579461005', givenName: 'Marta', familyName: 'Ozola' },
  evidence: { disabilityGroup: 'III' },
  language: 'lv',
  submittedAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-05T08:00:00.000Z',
  queue: { priorityGroup: 2, admittedAt: '2026-11-05T08:00:00.000Z', positionAtAdmission: 9 },
};

const submitted: TimelineEvent = {
  applicationId: 'app-1',
  id: 'e-1',
  type: 'submitted',
  at: '2026-11-01T08:00:00.000Z',
  actor: { role: 'citizen', subject: 'eid-marta' },
  status: 'submitted',
  details: { channel: 'self' },
};
const admitted: DecisionRecord = {
  applicationId: 'app-1',
  eventId: 'e-2',
  type: 'admit-to-queue',
  at: '2026-11-05T08:00:00.000Z',
  author: { subject: 'staff-liga', name: 'Līga Kalna' },
  from: 'registered',
  to: 'queued',
  document: { reason: 'Atbilst' },
};
const notification: NotificationRecord = {
  applicationId: 'app-1',
  eventId: 'e-1',
  kind: 'applicant-confirmation',
  state: 'failed',
  deliveries: 2,
  updatedAt: '2026-11-01T08:01:00.000Z',
  failure: { code: 'MessageRejected', permanent: true },
  messageId: 'ses-1',
  claimedUntil: '2026-11-01T08:02:00.000Z',
};

const record = (overrides: Partial<Application> = {}, extra: Partial<ApplicationRecord> = {}): ApplicationRecord => ({
  application: { ...application, ...overrides },
  timeline: [submitted],
  notifications: [notification],
  decisions: [admitted],
  ...extra,
});

const referral = { kind: 'social-service' as const, organisation: 'tukums', officerSubject: 'eid-officer', officerName: 'Dace Liepa', number: 'N-1', date: '2026-10-30', clientConsent: true as const };

describe('what the person reads of their application', () => {
  it('everything they filed, the status, the decisions as letters, the timeline without who acted, and the queue’s movement', () => {
    expect(applicationView(record(), defaultRules, 4)).toEqual({
      id: 'app-1',
      reference: 'SIVA-2026-000007',
      serviceId: 'social-rehabilitation',
      track: 'functional-impairment',
      status: 'queued',
      channel: 'self',
      submittedAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-05T08:00:00.000Z',
      applicant: application.applicant,
      evidence: { disabilityGroup: 'III' },
      version: 5,
      queue: { position: 4, positionAtAdmission: 9, movedUp: 5, admittedAt: '2026-11-05T08:00:00.000Z' },
      decisions: [{ eventId: 'e-2', type: 'admit-to-queue', at: '2026-11-05T08:00:00.000Z', author: 'Līga Kalna', from: 'registered', to: 'queued', reason: 'Atbilst' }],
      timeline: [{ id: 'e-1', type: 'submitted', at: '2026-11-01T08:00:00.000Z', status: 'submitted', details: { channel: 'self' } }],
    });
  });

  it('no queue place without a position now, nor without a recorded place', () => {
    expect(applicationView(record(), defaultRules)).not.toHaveProperty('queue');
    const { queue: _none, ...unqueued } = application;
    expect(applicationView({ ...record(), application: unqueued }, defaultRules, 3)).not.toHaveProperty('queue');
  });

  it('early intervention shows when its window closes, counted from the acute event', () => {
    const early = record({ serviceId: 'early-intervention', track: 'after-acute-event', evidence: { acuteEventDate: '2026-08-31' } });
    expect(applicationView(early, defaultRules).earlyInterventionWindow).toEqual({ from: '2026-08-31', closesOn: '2027-02-28' });
    expect(applicationView(early, { ...defaultRules, earlyInterventionWindowMonths: 3 }).earlyInterventionWindow?.closesOn).toBe('2026-11-30');
    expect(applicationView(record({ evidence: { acuteEventDate: '2026-08-31' } }), defaultRules)).not.toHaveProperty('earlyInterventionWindow');
    expect(applicationView(record({ serviceId: 'early-intervention', evidence: {} }), defaultRules)).not.toHaveProperty('earlyInterventionWindow');
  });

  it('a referral shows its facts, not the officer’s account id; a representative as recorded', () => {
    const representative = { kind: 'legal-representative' as const, document: { type: 'birth-certificate' as const, number: 'DZ-1', issuedOn: '2014-01-01' }, personalCode: '38123456789', givenName: 'Ilze', familyName: 'Ozola' };
    const view = applicationView(record({ channel: 'referral', referral, representative }), defaultRules);
    const { officerSubject: _hidden, ...facts } = referral;
    expect(view.referral).toEqual(facts);
    expect(view.representative).toEqual(representative);
    expect(applicationView(record(), defaultRules)).not.toHaveProperty('referral');
    expect(applicationView(record(), defaultRules)).not.toHaveProperty('representative');
  });
});

describe('what staff read', () => {
  it('what the person reads, plus who acted, the notifications (no message ids or leases) and the decisions possible now', () => {
    const view = staffView(record(), defaultRules, 4);
    expect(view).toMatchObject({ id: 'app-1', status: 'queued', queue: { position: 4 }, allowedDecisions: ['grant', 'refuse'] });
    expect(view.timeline).toEqual([{ id: 'e-1', type: 'submitted', at: '2026-11-01T08:00:00.000Z', status: 'submitted', details: { channel: 'self' }, actor: { role: 'citizen', subject: 'eid-marta' } }]);
    expect(view.notifications).toEqual([
      { eventId: 'e-1', kind: 'applicant-confirmation', state: 'failed', deliveries: 2, updatedAt: '2026-11-01T08:01:00.000Z', failure: { code: 'MessageRejected', permanent: true } },
    ]);
    const { failure: _none, ...sent } = notification;
    expect(staffView(record({}, { notifications: [{ ...sent, state: 'sent' }] }), defaultRules, undefined).notifications[0]).not.toHaveProperty('failure');
    expect(view).not.toHaveProperty('possibleDuplicateOf');
    expect(view).not.toHaveProperty('representativeConfirmed');
  });

  it('the whole referral, a possible duplicate with its link, and whether a representative is confirmed', () => {
    const view = staffView(record({ channel: 'representative', referral, possibleDuplicateOf: 'app-0' }), defaultRules, undefined);
    expect(view.referral).toEqual(referral);
    expect(view.possibleDuplicateOf).toEqual({ id: 'app-0', href: '/staff/applications/app-0' });
    expect(view.representativeConfirmed).toBeNull();
    const confirmed = { at: '2026-11-02T08:00:00.000Z', by: 'staff-liga' };
    expect(staffView(record({ channel: 'representative', representativeConfirmed: confirmed }), defaultRules, undefined).representativeConfirmed).toEqual(confirmed);
  });

  it('a work-list line carries the same flags', () => {
    expect(workSummary({ ...application, possibleDuplicateOf: 'app-0' })).toEqual({ ...applicationSummary(application), possibleDuplicateOf: { id: 'app-0', href: '/staff/applications/app-0' } });
    expect(workSummary(application)).toEqual(applicationSummary(application));
  });
});

describe('what a citizen reads', () => {
  const filedByIlze = { channel: 'representative' as const, ownerSubject: 'eid-ilze' };

  it('the person themself reads everything', () => {
    expect(citizenView(marta, record(filedByIlze), defaultRules, 4)).toEqual(applicationView(record(filedByIlze), defaultRules, 4));
  });

  it('an unconfirmed representative reads back what they filed, nothing that happened since', () => {
    const view = citizenView(ilze, record(filedByIlze), defaultRules, 4);
    expect(view).toEqual({
      id: 'app-1',
      reference: 'SIVA-2026-000007',
      serviceId: 'social-rehabilitation',
      track: 'functional-impairment',
      channel: 'representative',
      submittedAt: '2026-11-01T08:00:00.000Z',
      representation: 'awaiting-confirmation',
      applicant: application.applicant,
      evidence: { disabilityGroup: 'III' },
    });
    const representative = { kind: 'legal-representative' as const, document: { type: 'birth-certificate' as const, number: 'DZ-1', issuedOn: '2014-01-01' }, personalCode: '38123456789', givenName: 'Ilze', familyName: 'Ozola' };
    expect(citizenView(ilze, record({ ...filedByIlze, representative }), defaultRules).representative).toEqual(representative);
  });

  it('a confirmed representative reads everything', () => {
    const confirmed = record({ ...filedByIlze, representativeConfirmed: { at: '2026-11-02T08:00:00.000Z', by: 'staff-liga' } });
    expect(citizenView(ilze, confirmed, defaultRules)).toHaveProperty('status', 'queued');
  });

  it('list lines say who filed; an unconfirmed representative’s line has no status', () => {
    expect(citizenSummary(marta, application)).toEqual({
      id: 'app-1',
      reference: 'SIVA-2026-000007',
      serviceId: 'social-rehabilitation',
      track: 'functional-impairment',
      status: 'queued',
      version: 5,
      submittedAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-05T08:00:00.000Z',
      filedBy: 'self',
    });
    const line = citizenSummary(ilze, { ...application, ...filedByIlze });
    expect(line).toEqual({
      id: 'app-1',
      reference: 'SIVA-2026-000007',
      serviceId: 'social-rehabilitation',
      track: 'functional-impairment',
      channel: 'representative',
      submittedAt: '2026-11-01T08:00:00.000Z',
      representation: 'awaiting-confirmation',
      filedBy: 'representative',
    });
  });
});

describe('an organisation’s referral list', () => {
  it('names the client and the referral document, nothing more of either', () => {
    expect(referralSummary({ ...application, channel: 'referral', referral })).toEqual({
      ...applicationSummary(application),
      client: { givenName: 'Marta', familyName: 'Ozola' },
      referral: { number: 'N-1', date: '2026-10-30', officerName: 'Dace Liepa' },
    });
  });
});
