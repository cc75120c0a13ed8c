/**
 * Turns timeline events read from the table's stream into e-mails, each sent
 * once per (event, notification): a marker item records the outcome, so a
 * stream record delivered twice does not send twice. Before sending, a delivery
 * claims the marker for a lease, so no two deliveries send the same e-mail at
 * once; a send SES accepted but that was never recorded (a crash, a throttled
 * write) is recorded from SES's Send event while the lease holds, or sent once
 * more after it (docs/notifications.md, "Sending once"). Temporary SES failures
 * are retried by the stream (with a growing pause); after the last delivery,
 * or at once on a permanent failure, the failure goes on the timeline.
 */
import type { ServiceId } from '../../schemas/services';
import type { Application, DecisionRecord, NotificationKind, NotificationRecord, TimelineEvent } from './model';
import { timelineEventId } from './applications/types';
import { agencyAlert } from './templates/agency-alert';
import { agencyDocumentsAlert } from './templates/agency-documents-alert';
import { applicantConfirmation } from './templates/applicant-confirmation';
import { applicantUpdate } from './templates/applicant-update';
import { referrerConfirmation } from './templates/referrer-confirmation';
import { referrerUpdate } from './templates/referrer-update';
import type { StatusChange } from './templates/status-change';
import type { Email } from './templates/html';
import { neutralNotice } from './templates/neutral';
import { needsNeutralMail } from './special-category';

export interface OutgoingEmail extends Email {
  readonly to: string;
  /** Which notification this is: sent along as message tags, so a bounce or complaint can be traced back to it. */
  readonly trace?: NotificationKey;
}

export class MailError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
    /** No answer came (a timeout, a reset connection): SES may have accepted the message all the same. */
    readonly unanswered = false,
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

/**
 * What claiming a marker found: `claimed` (this delivery may send), `held` (another delivery claimed it
 * and its lease has not run out: it may have sent already) or `settled` (sent or failed for good).
 */
export type Claim = { readonly outcome: 'claimed' } | { readonly outcome: 'held'; readonly until: string } | { readonly outcome: 'settled' };

export interface NotificationStore {
  loadApplication(id: string): Promise<Application | undefined>;
  /** A timeline event of the application (the source of a resend). */
  loadEvent(applicationId: string, eventId: string): Promise<TimelineEvent | undefined>;
  /** The decision document recorded with a decision event. */
  loadDecision(applicationId: string, eventId: string): Promise<DecisionRecord | undefined>;
  find(key: NotificationKey): Promise<NotificationRecord | undefined>;
  /** Claims an unsettled marker until `until`, unless another claim lasts beyond `now`. */
  claim(key: NotificationKey, until: string, now: string): Promise<Claim>;
  /** Marks sent and appends the timeline event, together; false if already settled. */
  recordSent(key: NotificationKey, messageId: string, event: TimelineEvent): Promise<boolean>;
  /** Marks failed (and lists it for the service's staff) and appends the timeline event, together; false if already settled. */
  recordFailed(key: NotificationKey, failure: { code: string; permanent: boolean }, event: TimelineEvent, serviceId: ServiceId): Promise<boolean>;
  /**
   * Counts one more delivery that hit a temporary failure; returns the count. The claim is given up when
   * SES refused (`release`), and kept when SES may have accepted (no answer), for the Send event to settle.
   */
  recordTemporaryFailure(key: NotificationKey, code: string, at: string, release: boolean): Promise<number>;
}

export interface NotifierSettings {
  readonly agencyInboxes: Partial<Record<ServiceId, string>>;
  readonly portalUrl: string;
  readonly staffPortalUrl: string;
  /** Deliveries of one stream record that may meet a temporary failure before it is recorded as failed. */
  readonly maxDeliveries: number;
  /** Pause before handing a temporarily failed record back to the stream: base × 2^(delivery−1). */
  readonly retryBaseMs: number;
  /**
   * How long a delivery's claim keeps other deliveries from sending the same e-mail: at least the
   * notifier's timeout, so a claim outlives the invocation that took it (infra/stack.ts).
   */
  readonly sendLeaseMs: number;
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

/** The status change an event records, as the templates take it. */
const changeOf = async (deps: NotifierDeps, event: TimelineEvent, application: Application): Promise<StatusChange | undefined> => {
  // Added before any request, the status stays: the event records it (the application may have moved on since).
  if (event.type === 'documents_added') return { kind: event.type, at: event.at, status: event.status ?? application.status };
  if (event.type !== 'decision' && event.type !== 'withdrawn' && event.type !== 'documents_submitted') return undefined;
  const decision = event.type === 'decision' ? await deps.store.loadDecision(application.id, event.id) : undefined;
  const queuePosition = decision?.type === 'admit-to-queue' ? application.queue?.positionAtAdmission : undefined;
  return { kind: event.type, at: event.at, ...(decision && { decision }), ...(queuePosition !== undefined && { queuePosition }) };
};

/** Which e-mails an event causes. Notification outcomes themselves cause none. */
export const plannedEmails = async (deps: NotifierDeps, event: TimelineEvent, application: Application): Promise<PlannedEmail[]> => {
  const { settings } = deps;
  const planned: PlannedEmail[] = [];
  // On a special-category track every e-mail only says there is news (docs/notifications.md).
  const neutral = needsNeutralMail(application);
  const add = (kind: NotificationKind, to: string | undefined, email: () => Omit<OutgoingEmail, 'to'>) => {
    if (to) planned.push({ kind, email: { to, ...(neutral ? neutralNotice(application, kind, settings) : email()) } });
  };
  const applicantAddress = application.applicant.email;
  const officerAddress = application.referral?.officerEmail;
  const inbox = settings.agencyInboxes[application.serviceId];

  if (event.type === 'submitted') {
    // A referral may not know the client's address; then only the officer hears back.
    add('applicant-confirmation', applicantAddress, () => applicantConfirmation(application, settings.portalUrl));
    add('referrer-confirmation', officerAddress, () => referrerConfirmation(application, settings.staffPortalUrl));
    add('agency-alert', inbox, () => agencyAlert(application, settings.staffPortalUrl));
    return planned;
  }
  const change = await changeOf(deps, event, application);
  if (!change) return planned;
  if (change.kind === 'documents_submitted' || change.kind === 'documents_added') {
    add('agency-documents-alert', inbox, () => agencyDocumentsAlert(application, change, settings.staffPortalUrl));
    return planned;
  }
  add('applicant-update', applicantAddress, () => applicantUpdate(application, change, settings.portalUrl));
  add('referrer-update', officerAddress, () => referrerUpdate(application, change, settings.staffPortalUrl));
  return planned;
};

const recipients: Record<NotificationKind, string> = {
  'applicant-confirmation': 'applicant',
  'referrer-confirmation': 'referrer',
  'agency-alert': 'agency',
  'applicant-update': 'applicant',
  'referrer-update': 'referrer',
  'agency-documents-alert': 'agency',
};

export type Outcome = 'done' | 'retry';

/** The timeline event recording what became of one notification. */
export const notificationOutcome = (
  deps: Pick<NotifierDeps, 'clock' | 'newId'>,
  key: NotificationKey,
  type: TimelineEvent['type'],
  details: TimelineEvent['details'],
): TimelineEvent => {
  const at = deps.clock().toISOString();
  return {
    applicationId: key.applicationId,
    id: timelineEventId(at, deps.newId()),
    type,
    at,
    actor: { role: 'system', subject: 'notifier' },
    details: { notification: key.kind, recipient: recipients[key.kind], sourceEventId: key.eventId, ...details },
  };
};

/** The first e-mail an event is about, when planning itself fails: a failure is recorded against it so it is never silent. */
const primaryKind: Partial<Record<TimelineEvent['type'], NotificationKind>> = {
  submitted: 'applicant-confirmation',
  decision: 'applicant-update',
  withdrawn: 'applicant-update',
  documents_submitted: 'agency-documents-alert',
  documents_added: 'agency-documents-alert',
};

/**
 * A stream record the notifier could not get through, even after every retry, and
 * that the event source mapping dead-lettered: each of its e-mails not yet settled is
 * recorded as failed, on the timeline and on staff's list, so someone can resend it.
 */
export const recordUndelivered = async (deps: NotifierDeps, event: TimelineEvent): Promise<number> => {
  const application = await deps.store.loadApplication(event.applicationId);
  if (!application) return 0;
  let keys: NotificationKey[];
  try {
    keys = (await emailsFor(deps, event, application)).map(({ kind, eventId }) => ({ applicationId: application.id, eventId, kind }));
  } catch {
    const kind = primaryKind[event.type];
    keys = kind ? [{ applicationId: application.id, eventId: event.id, kind }] : [];
  }
  let recorded = 0;
  for (const key of keys) {
    const existing = await deps.store.find(key);
    if (existing && existing.state !== 'pending') continue;
    const failure = { code: 'dead_lettered', permanent: false };
    if (await deps.store.recordFailed(key, failure, notificationOutcome(deps, key, 'notification_failed', { reason: failure.code, permanent: false }), application.serviceId)) {
      recorded += 1;
    }
  }
  return recorded;
};

/** An error the mailer did not classify (a bug, a crash in a dependency): retried like a temporary failure, then recorded. */
const unexpected = (error: unknown): MailError =>
  error instanceof MailError ? error : new MailError(`notifier_error:${error instanceof Error ? error.name : typeof error}`, false);

/** What one delivery of one e-mail came to: settled, a temporary failure (the count so far), or held by another claim. */
type Delivery = 'done' | { readonly failures: number } | { readonly heldUntil: string };

/** Sends one e-mail unless already settled or claimed by another delivery. */
const deliver = async (deps: NotifierDeps, key: NotificationKey, email: OutgoingEmail, serviceId: ServiceId): Promise<Delivery> => {
  const now = deps.clock();
  const claim = await deps.store.claim(key, new Date(now.getTime() + deps.settings.sendLeaseMs).toISOString(), now.toISOString());
  if (claim.outcome === 'settled') return 'done';
  // The claimant may have sent already and died before recording it: wait for its record, SES's Send event or the lease's end.
  if (claim.outcome === 'held') return { heldUntil: claim.until };

  const outcomeEvent = (type: TimelineEvent['type'], details: TimelineEvent['details']) => notificationOutcome(deps, key, type, details);

  let messageId: string;
  try {
    messageId = await deps.mailer.send({ ...email, trace: key });
  } catch (caught) {
    const error = unexpected(caught);
    if (!error.permanent) {
      const deliveries = await deps.store.recordTemporaryFailure(key, error.code, deps.clock().toISOString(), !error.unanswered);
      if (deliveries < deps.settings.maxDeliveries) return { failures: deliveries };
    }
    // Never silent: the failure goes on the timeline and on the service's list of failed notifications.
    await deps.store.recordFailed(
      key,
      { code: error.code, permanent: error.permanent },
      outcomeEvent('notification_failed', { reason: error.code, permanent: error.permanent }),
      serviceId,
    );
    return 'done';
  }
  // SES has accepted: from here until this write lands, a crash or a refused write leaves the claim standing.
  await deps.store.recordSent(key, messageId, outcomeEvent('notification_sent', { channel: 'email' }));
  return 'done';
};

/** The e-mails an event calls for, with the notification key each is sent under. */
const emailsFor = async (deps: NotifierDeps, event: TimelineEvent, application: Application) => {
  if (event.type !== 'notification_resend_requested') {
    return (await plannedEmails(deps, event, application)).map((planned) => ({ ...planned, eventId: event.id }));
  }
  // A resend re-renders the source event's e-mail of that kind; its marker was put back to pending.
  const sourceEventId = String(event.details?.sourceEventId ?? '');
  const source = await deps.store.loadEvent(application.id, sourceEventId);
  if (!source) return [];
  return (await plannedEmails(deps, source, application))
    .filter((planned) => planned.kind === event.details?.notification)
    .map((planned) => ({ ...planned, eventId: sourceEventId }));
};

/** Sends what one new timeline event calls for; 'retry' hands the record back to the stream. */
export const notifyForEvent = async (deps: NotifierDeps, event: TimelineEvent): Promise<Outcome> => {
  if (event.type === 'notification_sent' || event.type === 'notification_failed' || event.type === 'viewed_by_staff' || event.type === 'viewed_by_referrer') return 'done';
  const application = await deps.store.loadApplication(event.applicationId);
  if (!application) return 'done';
  let pauseMs: number | undefined;
  for (const { kind, email, eventId } of await emailsFor(deps, event, application)) {
    const result = await deliver(deps, { applicationId: application.id, eventId, kind }, email, application.serviceId);
    if (result === 'done') continue;
    const pause = 'failures' in result ? retryPauseMs(deps.settings, result.failures) : heldPauseMs(deps, result.heldUntil);
    pauseMs = Math.max(pauseMs ?? 0, pause);
  }
  if (pauseMs === undefined) return 'done';
  // Lambda re-delivers a stream record at once; pausing here spreads the deliveries over an outage.
  await deps.sleep(pauseMs);
  return 'retry';
};

/** Until another delivery's claim runs out, but no longer than the longest retry pause (the timeout covers that one). */
const heldPauseMs = (deps: Pick<NotifierDeps, 'clock' | 'settings'>, heldUntil: string): number =>
  Math.max(0, Math.min(Date.parse(heldUntil) - deps.clock().getTime(), retryPauseMs(deps.settings, deps.settings.maxDeliveries)));

/**
 * The pause before a record is handed back to the stream after its n-th failed delivery:
 * base × 2^(n−1), growing no further than before the last allowed delivery (the stack sizes
 * the notifier's timeout for that longest pause).
 */
export const retryPauseMs = (settings: Pick<NotifierSettings, 'retryBaseMs' | 'maxDeliveries'>, failures: number): number =>
  settings.retryBaseMs * 2 ** (Math.min(Math.max(1, failures), Math.max(1, settings.maxDeliveries - 1)) - 1);
