/**
 * An application as the table stores it, for specs that write to a table
 * directly (notifier, dead letters, queues) instead of going through the API.
 */
import type { Application, TimelineEvent } from '../../functions/core/model';

let sequence = 0;

export const storedApplication = (overrides: Partial<Application> = {}): Application => {
  sequence += 1;
  const at = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    reference: `TEST-${Date.now()}-${sequence}`,
    serviceId: 'social-rehabilitation',
    track: 'functional-impairment',
    status: 'submitted',
    version: 1,
    channel: 'self',
    ownerSubject: 'eid-test',
    personKey: `person-${Date.now()}-${sequence}`,
    applicant: {
      givenName: 'Pēteris',
      familyName: 'Kalniņš',
      personalCode: '32579461005',
      dateOfBirth: '1980-01-01',
      address: { municipality: 'riga', line: 'Tērbatas iela 1' },
      phone: '+37120000000',
      email: `peteris.${sequence}@example.lv`,
      language: 'lv',
      contactChannel: 'email',
    },
    evidence: { disabilityGroup: 'III', selfAssessmentCompletedOn: '2026-01-01' },
    language: 'lv',
    submittedAt: at,
    updatedAt: at,
    ...overrides,
  };
};

/** The "submitted" event the submit handler writes with an application. */
export const submittedEvent = (application: Application): TimelineEvent => ({
  applicationId: application.id,
  id: `${application.submittedAt}#${application.id.slice(0, 8)}`,
  type: 'submitted',
  at: application.submittedAt,
  actor: { role: 'citizen', subject: application.ownerSubject ?? 'eid-test' },
  status: 'submitted',
});
