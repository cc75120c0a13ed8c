/** An application as the e-mail templates receive it, for the specs that read the e-mails. */
import type { Application } from '../../functions/core/model';
import type { DecisionType } from '../../schemas/decision';
import type { ApplicationStatus } from '../../schemas/lifecycle';

/** Filed by a municipality's officer for a client, on a special-category track, with health evidence no e-mail may show. */
export const referredApplication: Application = {
  id: '5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11',
  reference: 'SIVA-2026-000123',
  serviceId: 'social-rehabilitation',
  track: 'after-medical-rehabilitation',
  status: 'under_review',
  version: 4,
  channel: 'referral',
  referral: {
    kind: 'social-service',
    organisation: 'jurmala',
    officerSubject: 'officer-1',
    officerName: 'Inese Kalniņa',
    officerEmail: 'inese.kalnina@jurmala.lv',
    number: 'SD-2026/778',
    date: '2026-11-20',
    clientConsent: true,
  },
  personKey: 'person-key-test',
  applicant: {
    givenName: 'Līga',
    familyName: 'Ozola',
    personalCode: '16117519997',
    dateOfBirth: '1975-11-16',
    address: { municipality: 'riga', line: 'Brīvības iela 1' },
    phone: '+37120000000',
    email: 'liga@example.lv',
    language: 'lv',
    contactChannel: 'email',
  },
  evidence: { icfCodes: ['b280', 'd450.2'], dischargeSummaryNumber: 'IZR-SECRET-114', medicalRehabilitationEndDate: '2026-11-01' },
  language: 'lv',
  submittedAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
};

/** The same application, its applicant reading in `language`. */
export const inLanguageOf = (application: Application, language: 'lv' | 'en'): Application => ({
  ...application,
  language,
  applicant: { ...application.applicant, language },
});

/** The status each decision leads to, as a reader is told it (docs/domain.md, the lifecycle). */
export const statusAfterDecision: Record<DecisionType, ApplicationStatus> = {
  register: 'registered',
  'request-documents': 'documents_requested',
  review: 'under_review',
  'admit-to-queue': 'queued',
  grant: 'granted',
  refuse: 'refused',
  start: 'started',
  'not-started': 'not_started',
  postpone: 'postponed',
  complete: 'completed',
};
