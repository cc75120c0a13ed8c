/**
 * Every e-mail the service sends, rendered in full for a fixed set of applications and changes and compared with
 * the text kept in `__golden__/emails.txt`. The templates' wording lives as data per language and one template per
 * file; this pins the exact subject, text and HTML so that moving or sharing their parts cannot change a word a
 * reader receives. A deliberate change of wording updates the golden file (`vitest run -u`) in the same commit,
 * where a reviewer sees the difference.
 */
import { describe, expect, it } from 'vitest';
import type { Application, NotificationKind } from '../../functions/core/model';
import { draftReminder } from '../../functions/core/templates/draft-reminder';
import type { Email } from '../../functions/core/templates/html';
import { neutralNotice } from '../../functions/core/templates/neutral';
import { agencyAlert } from '../../functions/core/templates/agency-alert';
import { agencyDocumentsAlert } from '../../functions/core/templates/agency-documents-alert';
import { applicantConfirmation } from '../../functions/core/templates/applicant-confirmation';
import { applicantUpdate } from '../../functions/core/templates/applicant-update';
import { referrerConfirmation } from '../../functions/core/templates/referrer-confirmation';
import { referrerUpdate } from '../../functions/core/templates/referrer-update';
import type { ApplicantChange } from '../../functions/core/templates/status-change';
import { decisionTypes, type DecisionType } from '../../schemas/decision';
import { inLanguageOf, referredApplication, statusAfterDecision } from '../support/email-fixtures';

const portalUrl = 'https://e.siva.gov.lv/';
const staffPortalUrl = 'https://darbs.siva.gov.lv';
const languages = ['lv', 'en'] as const;

const referred = referredApplication;

const { referral: _referral, ...withoutReferral } = referred;
const own: Application = { ...withoutReferral, channel: 'self', ownerSubject: 'eid-golden', serviceId: 'vehicle-adaptation', track: 'state-funded' };


/** Each decision with every field its e-mail can show, and once with none (what must still read well). */
const fullDocuments: Record<DecisionType, Record<string, unknown>> = {
  register: { reason: 'Iesniegums ir pilnīgs.' },
  'request-documents': { documents: ['Izraksts no slimnīcas', 'Pašnovērtējuma anketa'], deadline: '2026-12-15' },
  review: {},
  'admit-to-queue': {},
  grant: { urgent: true, startsOn: '2027-01-11' },
  refuse: { reason: 'Rehabilitācija beidzās sen.\nTermiņš ir pagājis.', appeal: 'Viena mēneša laikā.' },
  start: { startedOn: '2027-01-11' },
  'not-started': { reason: 'Klients neieradās.' },
  postpone: { reason: 'Slimība.', until: '2027-03-01' },
  complete: { completedOn: '2027-01-24', recommendations: 'Vingrot.\nApmeklēt ergoterapeitu.', roadMap: 'Atgriezties darbā.', reason: 'Kurss pabeigts.' },
};

const decisionChange = (type: DecisionType, document: Record<string, unknown>): ApplicantChange => ({
  kind: 'decision',
  at: '2026-12-01T08:30:00.000Z',
  queuePosition: 7,
  decision: {
    applicationId: referred.id,
    eventId: 'event-1',
    type,
    at: '2026-12-01T08:00:00.000Z',
    author: { subject: 'staff-1', name: 'Staff' },
    from: 'under_review',
    to: statusAfterDecision[type],
    document,
  },
});

const withdrawal: ApplicantChange = { kind: 'withdrawn', at: '2026-12-02T22:30:00.000Z' };

const notificationKinds: readonly NotificationKind[] = [
  'applicant-confirmation',
  'applicant-update',
  'referrer-confirmation',
  'referrer-update',
  'agency-alert',
  'agency-documents-alert',
];

/** Every e-mail, by a name that says which template, language and case it is. */
const allEmails = (): [string, Email][] => {
  const emails: [string, Email][] = [];
  for (const language of languages) {
    for (const application of [referred, own]) {
      const reader = inLanguageOf(application, language);
      emails.push([`applicantConfirmation ${language} ${application.channel}`, applicantConfirmation(reader, portalUrl)]);
    }
    for (const type of decisionTypes) {
      const reader = inLanguageOf(referred, language);
      emails.push([`applicantUpdate ${language} ${type} full`, applicantUpdate(reader, decisionChange(type, fullDocuments[type]), portalUrl)]);
      emails.push([`applicantUpdate ${language} ${type} empty`, applicantUpdate(reader, decisionChange(type, {}), portalUrl)]);
    }
    emails.push([`applicantUpdate ${language} withdrawn`, applicantUpdate(inLanguageOf(referred, language), withdrawal, portalUrl)]);
    for (const kind of notificationKinds) {
      emails.push([`neutralNotice ${language} ${kind}`, neutralNotice(inLanguageOf(referred, language), kind, { portalUrl, staffPortalUrl })]);
    }
    emails.push([
      `draftReminder ${language}`,
      draftReminder({ to: 'liga@example.lv', language, draftId: 'draft-1', expiresAt: '2026-12-24T21:59:00.000Z' }, portalUrl),
    ]);
  }
  for (const type of decisionTypes) {
    emails.push([`referrerUpdate ${type}`, referrerUpdate(referred, decisionChange(type, fullDocuments[type]), staffPortalUrl)]);
  }
  emails.push(['referrerUpdate withdrawn', referrerUpdate(referred, withdrawal, staffPortalUrl)]);
  emails.push(['referrerConfirmation', referrerConfirmation(referred, staffPortalUrl)]);
  for (const application of [referred, own]) emails.push([`agencyAlert ${application.channel}`, agencyAlert(application, staffPortalUrl)]);
  emails.push([
    'agencyDocumentsAlert',
    agencyDocumentsAlert(referred, { kind: 'documents_submitted', at: '2026-12-03T11:15:00.000Z' }, `${staffPortalUrl}/`),
  ]);
  emails.push([
    'agencyDocumentsAlert documents_added',
    agencyDocumentsAlert(referred, { kind: 'documents_added', at: '2026-11-23T09:40:00.000Z', status: 'submitted' }, `${staffPortalUrl}/`),
  ]);
  return emails;
};

const asText = (emails: [string, Email][]): string =>
  emails.map(([name, email]) => `=== ${name}\n--- subject\n${email.subject}\n--- text\n${email.text}--- html\n${email.html}\n`).join('\n');

describe('every e-mail, word for word', () => {
  it('renders the same subject, text and HTML as the golden file', async () => {
    await expect(asText(allEmails())).toMatchFileSnapshot('./__golden__/emails.txt');
  });
});
