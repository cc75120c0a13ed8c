/**
 * Turns timeline events read from the table's stream into e-mails, each sent
 * once per (event, notification): a marker item records the outcome, so a
 * stream record delivered twice does not send twice. Temporary SES failures
 * are retried by the stream (with a growing pause); after the last delivery,
 * or at once on a permanent failure, the failure goes on the timeline.
 */
import type { ServiceId } from '../../schemas/services';
import type { Application, NotificationKind, NotificationRecord, TimelineEvent } from './model';
import { timelineEventId } from './applications';
import { agencyAlert, applicantConfirmation, referrerConfirmation } from './templates/submission';
import type { Email } from './templates/html';

export interface OutgoingEmail extends Email {
  readonly to: string;
}

export class MailError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(code);
    this.name = 'MailError';
  }
}

export interface Mailer {
  /** Resolves with the provider's message id; rejects with a MailError. */
  send(email: OutgoingEmail): Promise<string>;
}

export interface NotificationKey {
  readonly applicationId: string;
  readonly eventId: string;
  readonly kind: NotificationKind;
}

export interface NotificationStore {
  loadApplication(id: string): Promise<Application | undefined>;
  find(key: NotificationKey): Promise<NotificationRecord | undefined>;
  /** Marks sent and appends the timeline event, together; false if already settled. */
  recordSent(key: NotificationKey, messageId: string, event: TimelineEvent): Promise<boolean>;
  /** Marks failed and appends the timeline event, together; false if already settled. */
  recordFailed(key: NotificationKey, failure: { code: string; permanent: boolean }, event: TimelineEvent): Promise<boolean>;
  /** Counts one more delivery that hit a temporary failure; returns the count. */
  recordTemporaryFailure(key: NotificationKey, code: string, at: string): Promise<number>;
}

export interface NotifierSettings {
  readonly agencyInboxes: Partial<Record<ServiceId, string>>;
  readonly portalUrl: string;
  readonly staffPortalUrl: string;
  /** Deliveries of one stream record that may meet a temporary failure before it is recorded as failed. */
  readonly maxDeliveries: number;
  /** Pause before handing a temporarily failed record back to the stream: base × 2^(delivery−1). */
  readonly retryBaseMs: number;
}

export interface NotifierDeps {
  readonly store: NotificationStore;
  readonly mailer: Mailer;
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly sleep: (ms: number) => Promise<void>;
  readonly settings: NotifierSettings;
}

interface PlannedEmail {
  readonly kind: NotificationKind;
  readonly email: OutgoingEmail;
}

/** Which e-mails an event causes. Notification outcomes themselves cause none. */
export const plannedEmails = (event: TimelineEvent, application: Application, settings: NotifierSettings): PlannedEmail[] => {
  if (event.type !== 'submitted') return [];
  const planned: PlannedEmail[] = [];
  // A referral may not know the client's address; then only the officer hears back.
  const applicantAddress = application.applicant.email;
  if (applicantAddress) {
    planned.push({ kind: 'applicant-confirmation', email: { to: applicantAddress, ...applicantConfirmation(application, settings.portalUrl) } });
  }
  const officerAddress = application.referral?.officerEmail;
  if (officerAddress) {
    planned.push({ kind: 'referrer-confirmation', email: { to: officerAddress, ...referrerConfirmation(application, settings.staffPortalUrl) } });
  }
  const inbox = settings.agencyInboxes[application.serviceId];
  if (inbox) planned.push({ kind: 'agency-alert', email: { to: inbox, ...agencyAlert(application, settings.staffPortalUrl) } });
  return planned;
};

const recipients: Record<NotificationKind, string> = {
  'applicant-confirmation': 'applicant',
  'referrer-confirmation': 'referrer',
  'agency-alert': 'agency',
};

export type Outcome = 'done' | 'retry';

/** Sends one e-mail unless already settled; on a temporary failure returns how many deliveries have failed. */
const deliver = async (deps: NotifierDeps, key: NotificationKey, email: OutgoingEmail): Promise<'done' | number> => {
  const existing = await deps.store.find(key);
  if (existing && existing.state !== 'pending') return 'done';

  const outcomeEvent = (type: TimelineEvent['type'], details: TimelineEvent['details']): TimelineEvent => {
    const at = deps.clock().toISOString();
    return {
      applicationId: key.applicationId,
      id: timelineEventId(at, deps.newId()),
      type,
      at,
      actor: { role: 'system', subject: 'notifier' },
      details: { notification: key.kind, recipient: recipients[key.kind], ...details },
    };
  };

  try {
    const messageId = await deps.mailer.send(email);
    await deps.store.recordSent(key, messageId, outcomeEvent('notification_sent', { channel: 'email' }));
    return 'done';
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    if (!error.permanent) {
      const deliveries = await deps.store.recordTemporaryFailure(key, error.code, deps.clock().toISOString());
      if (deliveries < deps.settings.maxDeliveries) return deliveries;
    }
    await deps.store.recordFailed(
      key,
      { code: error.code, permanent: error.permanent },
      outcomeEvent('notification_failed', { reason: error.code, permanent: error.permanent }),
    );
    return 'done';
  }
};

/** Sends what one new timeline event calls for; 'retry' hands the record back to the stream. */
export const notifyForEvent = async (deps: NotifierDeps, event: TimelineEvent): Promise<Outcome> => {
  if (event.type !== 'submitted') return 'done';
  const application = await deps.store.loadApplication(event.applicationId);
  if (!application) return 'done';
  let failedDeliveries = 0;
  for (const { kind, email } of plannedEmails(event, application, deps.settings)) {
    const result = await deliver(deps, { applicationId: application.id, eventId: event.id, kind }, email);
    if (result !== 'done') failedDeliveries = Math.max(failedDeliveries, result);
  }
  if (failedDeliveries === 0) return 'done';
  // Lambda re-delivers a stream record at once; pausing here spreads the deliveries over an outage.
  await deps.sleep(deps.settings.retryBaseMs * 2 ** (failedDeliveries - 1));
  return 'retry';
};
