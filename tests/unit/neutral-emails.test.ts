/**
 * E-mails about an application on a special-category track (health, addiction, trafficking,
 * mental disorder, political repression) say only that there is news and where to sign in:
 * no service, track, status, reason, recommendation, document list or name, in the subject,
 * the text or the HTML, for every kind of e-mail and every change.
 */
import { describe, expect, it } from 'vitest';
import { decisionTypes, type DecisionType } from '../../schemas/decision';
import { serviceNames, trackInfo, type ServiceId } from '../../schemas/services';
import type { Application, DecisionRecord, NotificationKind, TimelineEvent } from '../../functions/core/model';
import { plannedEmails, type NotifierDeps } from '../../functions/core/notifier';
import { neutralMailTracks } from '../../functions/core/special-category';

/** The tracks whose names reveal special-category data, as decided in docs/notifications.md. */
const specialCategoryTracks: [ServiceId, string][] = [
  ['social-rehabilitation', 'after-medical-rehabilitation'],
  ['social-rehabilitation', 'politically-repressed'],
  ['social-rehabilitation', 'chernobyl'],
  ['vocational-suitability', 'mental-disorder'],
  ['early-intervention', 'after-acute-event'],
  ['coordinated-services', 'addiction-children'],
  ['coordinated-services', 'addiction-adults'],
  ['coordinated-services', 'trafficking-victims'],
  ['coordinated-services', 'long-term-care-mental-disorders'],
];

const reason = 'Atkarības ārstēšana netika pabeigta narkoloģiskajā slimnīcā.';
const recommendations = 'Turpināt psihoterapiju un apmeklēt anonīmo alkoholiķu grupu.';
const roadMap = 'Atgriezties darbā pēc atkarības ārstēšanas kursa.';
const documentName = 'Psihiatra atzinums par diagnozi F10.2';
const documents: Record<DecisionType, Record<string, unknown>> = {
  register: {},
  'request-documents': { documents: [documentName], deadline: '2026-12-15' },
  review: {},
  'admit-to-queue': {},
  grant: { urgent: true, startsOn: '2027-01-11' },
  refuse: { reason, appeal: 'Lēmumu var apstrīdēt SIVA direktoram viena mēneša laikā.' },
  start: { startedOn: '2027-01-11' },
  'not-started': { reason },
  postpone: { reason, until: '2027-03-01' },
  complete: { completedOn: '2027-01-24', recommendations, roadMap },
};

const applicationOn = (serviceId: ServiceId, track: string, language: 'lv' | 'en'): Application => ({
  id: '5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11',
  reference: 'SIVA-2026-000777',
  serviceId,
  track,
  status: 'under_review',
  version: 3,
  channel: 'referral',
  referral: {
    kind: 'social-service',
    organisation: 'tukuma-novads',
    officerSubject: 'officer-1',
    officerName: 'Ilze Bērziņa',
    officerEmail: 'ilze@tukums.lv',
    number: 'SD-2026-311',
    date: '2026-11-20',
    clientConsent: true,
  },
  personKey: 'person-key-test',
  applicant: {
    givenName: 'Anna',
    familyName: 'Kalniņa',
    personalCode: '32579461005',
    dateOfBirth: '1990-04-04',
    address: { municipality: 'tukuma-novads', line: 'Pils iela 1' },
    phone: '+37120000001',
    email: 'anna@example.lv',
    language,
    contactChannel: 'email',
  },
  evidence: { addictionKind: 'substance' },
  language,
  submittedAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
});

const settings = {
  agencyInboxes: { [specialCategoryTracks[0]![0]]: 'inbox@siva.gov.lv', 'vocational-suitability': 'inbox@siva.gov.lv', 'early-intervention': 'inbox@siva.gov.lv', 'coordinated-services': 'inbox@siva.gov.lv' },
  portalUrl: 'https://e.siva.gov.lv',
  staffPortalUrl: 'https://darbs.siva.gov.lv',
  maxDeliveries: 3,
  retryBaseMs: 0,
  sendLeaseMs: 60_000,
};

const event = (type: TimelineEvent['type']): TimelineEvent => ({
  applicationId: '5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11',
  id: `2026-12-01T08:30:00.000Z#${type}`,
  type,
  at: '2026-12-01T08:30:00.000Z',
  actor: { role: 'staff', subject: 'staff-1' },
});

const depsFor = (decision?: DecisionRecord): NotifierDeps => ({
  store: {
    loadApplication: async () => undefined,
    loadEvent: async () => undefined,
    loadDecision: async () => decision,
    find: async () => undefined,
    claim: async () => ({ outcome: 'claimed' }),
    recordSent: async () => true,
    recordFailed: async () => true,
    recordTemporaryFailure: async () => 1,
  },
  mailer: { send: async () => 'id' },
  clock: () => new Date('2026-12-01T08:30:01.000Z'),
  newId: () => 'id',
  sleep: async () => {},
  settings,
});

/** Every e-mail each change of an application causes, by kind. */
const everyEmail = async (application: Application) => {
  const emails: { change: string; kind: NotificationKind; subject: string; text: string; html: string }[] = [];
  const collect = async (change: string, timelineEvent: TimelineEvent, decision?: DecisionRecord) => {
    for (const { kind, email } of await plannedEmails(depsFor(decision), timelineEvent, application)) emails.push({ change, kind, ...email });
  };
  await collect('submitted', event('submitted'));
  for (const type of decisionTypes) {
    const decision: DecisionRecord = {
      applicationId: application.id,
      eventId: event('decision').id,
      type,
      at: event('decision').at,
      author: { subject: 'staff-1', name: 'Anna Liepa' },
      from: 'under_review',
      to: 'registered',
      document: documents[type],
    };
    await collect(type, event('decision'), decision);
  }
  await collect('withdrawn', event('withdrawn'));
  await collect('documents_submitted', event('documents_submitted'));
  return emails;
};

const everyKind: NotificationKind[] = ['applicant-confirmation', 'referrer-confirmation', 'agency-alert', 'applicant-update', 'referrer-update', 'agency-documents-alert'];

describe('neutral e-mails on special-category tracks', () => {
  it('lists exactly the special-category tracks, each with its reason', () => {
    const listed = Object.entries(neutralMailTracks).flatMap(([serviceId, tracks]) => Object.keys(tracks ?? {}).map((track) => [serviceId, track]));
    expect(listed.sort()).toEqual([...specialCategoryTracks].sort());
    for (const [serviceId, tracks] of Object.entries(neutralMailTracks)) {
      for (const [track, why] of Object.entries(tracks ?? {})) {
        expect(trackInfo(serviceId as ServiceId, track), `${serviceId}/${track} exists`).toBeDefined();
        expect(why).toMatch(/^(health|political opinions|safety): .{20,}/);
      }
    }
  });

  describe.each(specialCategoryTracks)('%s / %s', (serviceId, track) => {
    const info = trackInfo(serviceId, track)!;
    const secrets = [
      info.name.lv,
      info.name.en,
      serviceNames[serviceId].lv,
      serviceNames[serviceId].en,
      reason,
      recommendations,
      roadMap,
      documentName,
      'Anna',
      'Kalniņa',
      'Ilze',
      'substance',
    ];

    it.each(['lv', 'en'] as const)('every kind of e-mail, for every change, says only that there is news (%s)', async (language) => {
      const emails = await everyEmail(applicationOn(serviceId, track, language));
      expect(new Set(emails.map((email) => email.kind))).toEqual(new Set(everyKind));
      expect(emails.length).toBeGreaterThanOrEqual(2 * (decisionTypes.length + 1) + 3);
      for (const email of emails) {
        const where = `${email.kind} on ${email.change}`;
        for (const part of [email.subject, email.text, email.html]) {
          for (const secret of secrets) expect(part, `${where}: ${secret}`).not.toContain(secret);
          // No status word either: "refused", "atteikts", "queue", "rindā" …
          expect(part, where).not.toMatch(/atteikt|refus|rind[aā]|queue|piešķirt|grant|pabeigt|complet|atsaukt|withdraw/i);
        }
        expect(email.subject, where).toContain('SIVA-2026-000777');
        const applicantsOwn = email.kind.startsWith('applicant');
        const expectedLink = applicantsOwn
          ? `https://e.siva.gov.lv${language === 'lv' ? '/pieteikumi/' : '/en/applications/'}5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11`
          : email.kind.startsWith('referrer')
            ? 'https://darbs.siva.gov.lv/nosutijumi/5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11'
            : 'https://darbs.siva.gov.lv/pieteikumi/5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11';
        expect(email.text, where).toContain(expectedLink);
        const lang = applicantsOwn ? language : 'lv';
        expect(email.html, where).toContain(`<html lang="${lang}">`);
        expect(email.subject, where).toBe(
          lang === 'en' ? 'News about your application SIVA-2026-000777' : `Jaunumi par ${applicantsOwn ? 'jūsu ' : ''}iesniegumu SIVA-2026-000777`,
        );
      }
    });
  });

  it('leaves the full e-mails of other tracks as they are (functional impairment names its track and the refusal reason)', async () => {
    const emails = await everyEmail(applicationOn('social-rehabilitation', 'functional-impairment', 'lv'));
    const alert = emails.find((email) => email.kind === 'agency-alert')!;
    expect(alert.text).toContain('Personas ar funkcionēšanas ierobežojumiem');
    const refusal = emails.find((email) => email.change === 'refuse' && email.kind === 'applicant-update')!;
    expect(refusal.text).toContain(reason);
  });
});
