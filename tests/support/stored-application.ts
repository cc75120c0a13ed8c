/**
 * An application as the table stores it, for specs that write to a table
 * directly (notifier, dead letters, queues) instead of going through the API.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { createNotificationRepository } from '../../functions/adapters/notification-repository';
import type { Application, TimelineEvent } from '../../functions/core/model';
import type { NotificationKey } from '../../functions/core/notifier';

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

/**
 * A stored application whose confirmation the notifier has sent (its marker says sent, under SES's message id):
 * what a bounce or complaint from SES refers to. `recorded` is whether the marker was settled as sent.
 */
export const storeSentConfirmation = async (client: DynamoDBDocumentClient, tableName: string, messageId = '0100019abc-ses-id') => {
  const application = storedApplication();
  const submitted = submittedEvent(application);
  await createApplicationRepository(client, tableName).insertSubmitted(application, submitted);
  const key: NotificationKey = { applicationId: application.id, eventId: submitted.id, kind: 'applicant-confirmation' };
  const at = new Date().toISOString();
  const sent: TimelineEvent = {
    applicationId: application.id,
    id: `${at}#sent`,
    type: 'notification_sent',
    at,
    actor: { role: 'system', subject: 'notifier' },
    details: { notification: key.kind, recipient: 'applicant', sourceEventId: key.eventId, channel: 'email' },
  };
  const recorded = await createNotificationRepository(client, tableName).recordSent(key, messageId, sent);
  return { application, key, recorded };
};
