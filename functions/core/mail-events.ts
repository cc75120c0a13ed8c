/**
 * Bounces and complaints, as SES publishes them for the configuration set (docs/notifications.md,
 * "Bounces and complaints"). Each e-mail carries message tags naming its application, source
 * event and kind; a bounce or complaint about it turns its sent notification into a failed one,
 * on the application's timeline and on staff's failed list, where it can be resent.
 * SES's Send event (it accepted the message) records a notification as sent when the notifier
 * could not (docs/notifications.md, "Sending once").
 */
import type { ServiceId } from '../../schemas/services';
import type { Application, NotificationKind, TimelineEvent } from './model';
import { notificationOutcome, type NotificationKey } from './notifier';

export interface ReturnedMailStore {
  loadApplication(id: string): Promise<Application | undefined>;
  /**
   * Marks a sent notification (or one claimed by a delivery that may have sent it) failed after all, lists
   * it for the service's staff and appends the timeline event, together; false when it is not (or no longer) either.
   */
  recordReturned(key: NotificationKey, failure: { code: string; permanent: boolean }, event: TimelineEvent, serviceId: ServiceId): Promise<boolean>;
  /**
   * Marks a notification that a delivery claimed but never settled as sent and appends the timeline event,
   * together; false if it is settled, or pending and unclaimed (a resend not yet under way).
   */
  recordAccepted(key: NotificationKey, messageId: string, event: TimelineEvent): Promise<boolean>;
}

export interface MailEventDeps {
  readonly store: ReturnedMailStore;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** The message tags every e-mail is sent with (SES tag values allow only A–Z, a–z, 0–9, _ and -). */
export const mailTagNames = { application: 'application', event: 'event', notification: 'notification' } as const;

/** Event ids hold `:`, `.` and `#`, which tag values may not: base64url keeps them exact within the allowed characters. */
export const encodeTagValue = (value: string): string => Buffer.from(value, 'utf8').toString('base64url');
const decodeTagValue = (value: string): string => Buffer.from(value, 'base64url').toString('utf8');

export const mailTagsFor = (key: NotificationKey): { Name: string; Value: string }[] => [
  { Name: mailTagNames.application, Value: key.applicationId },
  { Name: mailTagNames.event, Value: encodeTagValue(key.eventId) },
  { Name: mailTagNames.notification, Value: key.kind },
];

const notificationKinds: readonly NotificationKind[] = [
  'applicant-confirmation',
  'referrer-confirmation',
  'agency-alert',
  'applicant-update',
  'referrer-update',
  'agency-documents-alert',
];

export interface ReturnedMail {
  readonly key: NotificationKey;
  /** `bounced:Permanent:NoEmail`, `complained:abuse` …: what staff see as the failure. */
  readonly code: string;
  /** A permanent bounce or a complaint: resending to the same address will not help. */
  readonly permanent: boolean;
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const firstTag = (tags: Json | undefined, name: string): string | undefined => {
  const values = tags?.[name];
  return Array.isArray(values) && typeof values[0] === 'string' ? values[0] : undefined;
};
const word = (value: unknown): string => (typeof value === 'string' && /^[A-Za-z-]{1,40}$/.test(value) ? value : 'unknown');

/** The notification an SES event record's message tags name, if they name one. */
const taggedKey = (record: Json | undefined): NotificationKey | undefined => {
  const tags = object(object(record?.mail)?.tags);
  const applicationId = firstTag(tags, mailTagNames.application);
  const encodedEvent = firstTag(tags, mailTagNames.event);
  const kind = firstTag(tags, mailTagNames.notification) as NotificationKind | undefined;
  if (!applicationId || !encodedEvent || !kind || !notificationKinds.includes(kind)) return undefined;
  return { applicationId, eventId: decodeTagValue(encodedEvent), kind };
};

const eventTypeOf = (record: Json | undefined) => record?.eventType ?? record?.notificationType;

/** The notification and SES message id of a Send event (SES accepted the message) for an e-mail this service sent. */
export const acceptedMailOf = (message: unknown): { key: NotificationKey; messageId: string } | undefined => {
  const record = object(message);
  if (eventTypeOf(record) !== 'Send') return undefined;
  const key = taggedKey(record);
  const messageId = object(record?.mail)?.messageId;
  return key && typeof messageId === 'string' && messageId ? { key, messageId } : undefined;
};

/**
 * The notification an SES event publishing record (the SNS message body) is about, for a bounce or a
 * complaint of an e-mail this service sent; undefined for anything else (other event types, mail
 * without our tags). Nothing of the recipient (address, diagnostic text) is kept.
 */
export const returnedMailOf = (message: unknown): ReturnedMail | undefined => {
  const record = object(message);
  const type = eventTypeOf(record);
  if (type !== 'Bounce' && type !== 'Complaint') return undefined;
  const key = taggedKey(record);
  if (!key) return undefined;
  if (type === 'Bounce') {
    const bounce = object(record?.bounce);
    const bounceType = word(bounce?.bounceType);
    return { key, code: `bounced:${bounceType}:${word(bounce?.bounceSubType)}`, permanent: bounceType === 'Permanent' };
  }
  return { key, code: `complained:${word(object(record?.complaint)?.complaintFeedbackType)}`, permanent: true };
};

export type MailEventOutcome = 'recorded' | 'already-recorded' | 'not-ours';

/** Records a bounce or complaint on the timeline and on staff's failed list, once; a Send event as sent, if still pending. */
export const recordMailEvent = async (deps: MailEventDeps, message: unknown): Promise<MailEventOutcome> => {
  const accepted = acceptedMailOf(message);
  if (accepted) {
    if (!(await deps.store.loadApplication(accepted.key.applicationId))) return 'not-ours';
    const event = notificationOutcome(deps, accepted.key, 'notification_sent', { channel: 'email' });
    // Usually the notifier recorded it first: then this finds the marker settled and changes nothing.
    return (await deps.store.recordAccepted(accepted.key, accepted.messageId, event)) ? 'recorded' : 'already-recorded';
  }
  const returned = returnedMailOf(message);
  if (!returned) return 'not-ours';
  const application = await deps.store.loadApplication(returned.key.applicationId);
  if (!application) return 'not-ours';
  const failure = { code: returned.code, permanent: returned.permanent };
  const event = notificationOutcome(deps, returned.key, 'notification_failed', { reason: returned.code, permanent: returned.permanent });
  return (await deps.store.recordReturned(returned.key, failure, event, application.serviceId)) ? 'recorded' : 'already-recorded';
};
