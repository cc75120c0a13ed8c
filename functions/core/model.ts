/**
 * The domain's stored shapes. Repositories map these to and from items;
 * nothing outside the adapters knows a DynamoDB key.
 */
import type { DecisionType } from '../../schemas/decision';
import type { ApplicationStatus } from '../../schemas/lifecycle';
import type { Applicant, Language, Representative } from '../../schemas/primitives';
import type { ReferrerKind, ServiceId } from '../../schemas/services';

/** Agency staff, the agency's archivist (retention, a person's data on request) and referring organisations. */
export type WorkforceRole = 'staff' | 'archivist' | ReferrerKind;

/** Who is calling, taken from verified token claims only. */
export type Principal =
  | {
      readonly role: 'citizen';
      readonly subject: string;
      readonly personalCode: string;
      readonly givenName: string;
      readonly familyName: string;
      readonly email?: string;
      /** From the eID token when it carries one; new-format personal codes hold no birth date (docs/identity.md). */
      readonly birthDate?: string;
    }
  | {
      readonly role: WorkforceRole;
      readonly subject: string;
      readonly name: string;
      readonly email?: string;
      /** Municipality, NVA office or medical institution the officer acts for. */
      readonly organisation?: string;
      /** For staff: the services they work on. */
      readonly services: readonly ServiceId[];
    };

export type Role = Principal['role'];

/** A member of the workforce: agency staff or an officer of a referring organisation. */
export type WorkforcePrincipal = Exclude<Principal, { role: 'citizen' }>;

/** The principal a route allowing role(s) R receives. */
export type PrincipalFor<R extends Role> = R extends 'citizen'
  ? Extract<Principal, { role: 'citizen' }>
  : Exclude<Principal, { role: 'citizen' }> & { readonly role: R };

export type Channel = 'self' | 'representative' | 'referral';

export interface Actor {
  readonly role: Role | 'system';
  readonly subject: string;
}

export interface Application {
  readonly id: string;
  /** Human-readable, unique: SIVA-2026-000001. */
  readonly reference: string;
  readonly serviceId: ServiceId;
  readonly track: string;
  readonly status: ApplicationStatus;
  /** Optimistic-concurrency version, incremented by every change. */
  readonly version: number;
  readonly channel: Channel;
  /** The citizen account that filed it (applicant or representative); absent for referrals. */
  readonly ownerSubject?: string;
  /** Who referred the client, when the application came by referral. */
  readonly referral?: ReferralRecord;
  /** A keyed hash of the person's code: finds their open applications without storing the code in a key. */
  readonly personKey: string;
  /** The person the application is for; identity fields always present once stored. */
  readonly applicant: Applicant & { readonly personalCode: string; readonly givenName: string; readonly familyName: string };
  readonly representative?: Representative & {
    readonly givenName: string;
    readonly familyName: string;
    readonly personalCode: string;
  };
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly language: Language;
  readonly submittedAt: string;
  readonly updatedAt: string;
  /** While queued: where the application stands (see lifecycle.ts for the order). */
  readonly queue?: QueuePlace;
  /**
   * Filed by a representative or an officer while the person already had an open application for this
   * service and track (its id): stored rather than refused, so the filer learns nothing about the person;
   * staff resolve it. Such an application holds no open-need marker. Shown to staff only.
   */
  readonly possibleDuplicateOf?: string;
  /** Staff checked the representative's authority (a representative filing's writes need it). */
  readonly representativeConfirmed?: { readonly at: string; readonly by: string };
  /** Once closed (core/retention.ts): when, and the Riga date until which the file is kept (docs/retention.md). */
  readonly closedAt?: string;
  readonly retainUntil?: string;
}

export interface QueuePlace {
  /** 0 urgent, 1 predicted disability, 2 everyone else. */
  readonly priorityGroup: 0 | 1 | 2;
  readonly admittedAt: string;
  /** The position on admission, so the applicant can see how it has moved. */
  readonly positionAtAdmission: number;
}

/** A decision as the outgoing document it is: type, author, date, reason and its own facts. */
export interface DecisionRecord {
  readonly applicationId: string;
  /** The timeline event that recorded it. */
  readonly eventId: string;
  readonly type: DecisionType;
  readonly at: string;
  readonly author: { readonly subject: string; readonly name: string };
  readonly from: ApplicationStatus;
  readonly to: ApplicationStatus;
  /** The body of the decision (reason, documents and deadline, appeal, recommendations…). */
  readonly document: Readonly<Record<string, unknown>>;
}

export interface ReferralRecord {
  readonly kind: ReferrerKind;
  /** Municipality, NVA office or medical institution, from the officer's sign-in. */
  readonly organisation: string;
  readonly officerSubject: string;
  readonly officerName: string;
  readonly officerEmail?: string;
  readonly officerPhone?: string;
  readonly doctorName?: string;
  readonly number: string;
  readonly date: string;
  readonly clientConsent: true;
}

export type TimelineEventType =
  | 'submitted'
  /** A staff decision changed the status (details: decision, from, to). */
  | 'decision'
  /** The applicant withdrew (details: from, to, and the reason when given). */
  | 'withdrawn'
  /** The applicant reported the requested documents as sent (details: from, to, count). */
  | 'documents_submitted'
  /** Documents sent before the agency asked for any, e.g. the referral document at filing (details: from, to, count; the status stays). */
  | 'documents_added'
  /** Staff confirmed a representative's authority to act for the person. */
  | 'representative_confirmed'
  /** A staff member opened the full record (who and when; nothing of the data). */
  | 'viewed_by_staff'
  /** A referring officer opened the full record (who and when; nothing of the data). */
  | 'viewed_by_referrer'
  /** Staff asked for a failed notification to be sent again (details: sourceEventId, notification). */
  | 'notification_resend_requested'
  | 'notification_sent'
  | 'notification_failed';

export interface TimelineEvent {
  readonly applicationId: string;
  /** Sortable: `<ISO instant>#<random>`; unique within the application. */
  readonly id: string;
  readonly type: TimelineEventType;
  readonly at: string;
  readonly actor: Actor;
  /** The status after the event, when the event changed it. */
  readonly status?: ApplicationStatus;
  /** Event-specific facts, never personal data (the timeline is the audit trail). */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** Which e-mail an event causes; one marker per (event, notification) makes sending idempotent. */
export type NotificationKind =
  | 'applicant-confirmation'
  | 'referrer-confirmation'
  | 'agency-alert'
  /** A status change, to the applicant and to the referring officer. */
  | 'applicant-update'
  | 'referrer-update'
  /** Staff: the applicant has sent the documents asked for. */
  | 'agency-documents-alert';

export type NotificationState = 'pending' | 'sent' | 'failed';

export interface NotificationRecord {
  readonly applicationId: string;
  readonly eventId: string;
  readonly kind: NotificationKind;
  readonly state: NotificationState;
  /** Stream deliveries that tried and hit a temporary failure. */
  readonly deliveries: number;
  readonly updatedAt: string;
  readonly failure?: { readonly code: string; readonly permanent: boolean };
  readonly messageId?: string;
  /** While pending: until when the delivery that is sending it holds it (core/notifier.ts). */
  readonly claimedUntil?: string;
}
