/**
 * Staff work and the applicant's own moves through the lifecycle: decisions,
 * withdrawal, documents sent, the work list, the queue, and the audit of every
 * staff read. Pure orchestration: storage and clock are passed in.
 */
import type { Decision, DocumentsSubmitted, Withdrawal } from '../../schemas/decision';
import type { StaffListQuery } from '../../schemas/staff';
import type { ApplicationStatus } from '../../schemas/lifecycle';
import { violation } from '../../schemas/messages';
import type { ServiceId } from '../../schemas/services';
import { canRead, citizenAccess, readableOrNotFound } from './access';
import type { ApplicationLookup } from './applications/ports';
import { readableBy } from './applications/reading';
import { timelineEventId, type ApplicationRecord, type CitizenPrincipal, type Page, type PageRequest, type ReferrerPrincipal } from './applications/types';
import { rigaDate, rigaDayBounds } from './dates';
import { DomainError, forbidden, notEligible, validationFailed } from './errors';
import { closedStatuses, decisionTypesFrom, documentsActionFrom, documentsStatuses, nextStatus, priorityGroup, vocationalServices } from './lifecycle';
import type { LostBatch } from './dead-letters';
import { closingFields } from './retention';
import { totalStatusCounts, type StatusCounts, type StatusCountStore } from './status-counts';
import type { Actor, Application, DecisionRecord, NotificationKind, PrincipalFor, TimelineEvent } from './model';
import { attachmentOf, cleanUploads, UploadNotAttachable, type Attachment, type UploadDeps } from './uploads';

export type StaffPrincipal = PrincipalFor<'staff'>;

export interface Transition {
  readonly before: Application;
  readonly after: Application;
  readonly event: TimelineEvent;
  readonly decision?: DecisionRecord;
  /** The person's need is closed: they may apply again for the same service and track. */
  readonly closesNeed: boolean;
  /** Clean uploads this move attaches (each still unattached when written). */
  readonly attachments?: readonly Attachment[];
}

/** The version changed since the caller read it. */
export class StaleVersion extends Error {
  override readonly name = 'StaleVersion';
}

export interface QueueSlot {
  readonly serviceId: ServiceId;
  readonly track: string;
  readonly priorityGroup: number;
  readonly admittedAt: string;
  readonly id: string;
}

export interface WorkListFilter {
  readonly track?: string;
  readonly status?: ApplicationStatus;
  /** Submitted at or after this instant (ISO). */
  readonly from?: string;
  /** Submitted before this instant (ISO). */
  readonly before?: string;
}

export interface FailedNotification {
  readonly applicationId: string;
  readonly eventId: string;
  readonly kind: NotificationKind;
  readonly failure?: { readonly code: string; readonly permanent: boolean };
  readonly updatedAt: string;
}

export interface WorkflowStore extends ApplicationLookup {
  findWithTimeline(id: string): Promise<ApplicationRecord | undefined>;
  /** Writes the transition if the application is still at `before.version`; throws StaleVersion otherwise. */
  recordTransition(transition: Transition): Promise<void>;
  appendEvent(event: TimelineEvent): Promise<void>;
  /** How many queued applications come before this slot in its queue (Query on the queue index, no Scan). */
  placesAhead(slot: QueueSlot): Promise<number>;
  /**
   * Newest first across these services: one Query of each service's partition, merged; the cursor holds each
   * service's own position, so a page never reads more than one page of items from any service.
   */
  listByServices(serviceIds: readonly ServiceId[], filter: WorkListFilter, page: PageRequest): Promise<Page<Application>>;
  listQueue(serviceId: ServiceId, track: string, page: PageRequest): Promise<Page<Application>>;
  listFailedNotifications(serviceId: ServiceId, page: PageRequest): Promise<Page<FailedNotification>>;
  /** Dead-lettered stream batches the stream no longer held (core/dead-letters.ts), newest first. */
  listLostBatches(page: PageRequest): Promise<Page<LostBatch>>;
  /** Puts a failed notification back to pending and records the request; false when it is not failed. */
  requestResend(key: { applicationId: string; eventId: string; kind: NotificationKind }, event: TimelineEvent): Promise<boolean>;
}

export interface WorkflowDeps {
  readonly store: WorkflowStore;
  readonly clock: () => Date;
  readonly newId: () => string;
}

const stale = () =>
  new DomainError('conflict', [violation(['expectedVersion'], 'stale_version')]);

const illegal = (action: string, status: ApplicationStatus, allowed: readonly string[]) =>
  new DomainError('illegal-transition', [violation(['type'], 'illegal_transition', { action, status, allowed: allowed.join(', ') || '—' })], {
    allowedDecisions: allowed,
  });

/** The application, if the caller may act on it; anyone else's is indistinguishable from a missing one. */
const applicationFor = async (deps: WorkflowDeps, principal: Parameters<typeof canRead>[0], id: string): Promise<Application> =>
  readableOrNotFound(principal, await deps.store.findApplication(id));

/**
 * The application, if the citizen may change it: the person themself, or a representative staff have
 * confirmed. An unconfirmed representative can read back what they filed, so refusing them is no news.
 */
const ownApplication = async (deps: WorkflowDeps, principal: CitizenPrincipal, id: string): Promise<Application> => {
  const application = await applicationFor(deps, principal, id);
  if (citizenAccess(principal, application) !== 'full') throw new DomainError('forbidden', [violation([], 'representative_not_confirmed')]);
  return application;
};

/** The position (1-based) an application holds, or would hold, in its queue. */
const positionOf = async (store: WorkflowStore, slot: QueueSlot): Promise<number> => (await store.placesAhead(slot)) + 1;

/** A new timeline event, stamped now with a fresh sortable id. */
const newEvent = (deps: WorkflowDeps, fields: Omit<TimelineEvent, 'id' | 'at'>): TimelineEvent => {
  const at = deps.clock().toISOString();
  return { ...fields, id: timelineEventId(at, deps.newId()), at };
};

/** Applies a lifecycle move: version check, allowed transition, queue place, the event, and the write guarded by version. */
const move = async (
  deps: WorkflowDeps,
  application: Application,
  expectedVersion: number,
  action: Parameters<typeof nextStatus>[0],
  event: { type: TimelineEvent['type']; actor: Actor; details?: TimelineEvent['details'] },
  decisionOf?: (eventId: string, at: string, to: ApplicationStatus) => DecisionRecord,
  attachmentsOf?: (eventId: string, at: string) => readonly Attachment[],
): Promise<Transition> => {
  if (application.version !== expectedVersion) throw stale();
  const to = nextStatus(action, application.status);
  if (!to) throw illegal(action, application.status, decisionTypesFrom(application.status));

  const recorded = newEvent(deps, {
    applicationId: application.id,
    type: event.type,
    actor: event.actor,
    status: to,
    details: { from: application.status, to, ...event.details },
  });
  const { id, at } = recorded;
  let queue: Application['queue'];
  if (to === 'queued') {
    const slot = { serviceId: application.serviceId, track: application.track, priorityGroup: priorityGroup(application), admittedAt: at, id: application.id };
    queue = { priorityGroup: slot.priorityGroup as 0 | 1 | 2, admittedAt: at, positionAtAdmission: await positionOf(deps.store, slot) };
  }
  const { queue: _leaving, ...rest } = application;
  const after: Application = { ...rest, status: to, version: application.version + 1, updatedAt: at, ...(queue && { queue }), ...closingFields(to, at) };
  const transition: Transition = {
    before: application,
    after,
    event: recorded,
    ...(decisionOf && { decision: decisionOf(id, at, to) }),
    closesNeed: closedStatuses.includes(to),
    ...(attachmentsOf && { attachments: attachmentsOf(id, at) }),
  };
  return recordGuarded(deps, transition);
};

/** Writes a transition. Two people acting at once: the version condition lets exactly one win. */
const recordGuarded = async (deps: WorkflowDeps, transition: Transition): Promise<Transition> => {
  try {
    await deps.store.recordTransition(transition);
  } catch (error) {
    if (error instanceof StaleVersion) throw stale();
    throw error;
  }
  return transition;
};

/** Rules of a decision's own content, beyond its shape. */
const decisionViolations = (application: Application, decision: Decision, today: string) => {
  if (decision.type === 'request-documents' && decision.deadline <= today) {
    return [violation(['deadline'], 'deadline_not_in_future')];
  }
  if (decision.type === 'complete' && vocationalServices.includes(application.serviceId) && !decision.roadMap) {
    return [violation(['roadMap'], 'road_map_required')];
  }
  return [];
};

/** POST /staff/applications/{id}/decisions */
export const decide = async (deps: WorkflowDeps, principal: StaffPrincipal, id: string, decision: Decision): Promise<Transition> => {
  const application = await applicationFor(deps, principal, id);
  const problems = decisionViolations(application, decision, rigaDate(deps.clock()));
  if (problems.length > 0) throw notEligible(problems);
  const { type, expectedVersion, ...document } = decision;
  return move(
    deps,
    application,
    expectedVersion,
    type,
    {
      type: 'decision',
      actor: { role: 'staff', subject: principal.subject },
      details: {
        decision: type,
        ...(decision.type === 'request-documents' && { deadline: decision.deadline }),
        ...(decision.type === 'grant' && decision.urgent && { urgent: true }),
      },
    },
    (eventId, at, to) => ({
      applicationId: application.id,
      eventId,
      type,
      at,
      author: { subject: principal.subject, name: principal.name },
      from: application.status,
      to,
      document,
    }),
  );
};

/** POST /applications/{id}/withdrawal: the applicant withdraws before the service starts. */
export const withdraw = async (deps: WorkflowDeps, principal: CitizenPrincipal, id: string, request: Withdrawal): Promise<Transition> => {
  const application = await ownApplication(deps, principal, id);
  return move(deps, application, request.expectedVersion, 'withdraw', {
    type: 'withdrawn',
    actor: { role: 'citizen', subject: principal.subject },
    // Staff read it on the timeline; it is never put into an e-mail.
    ...(request.reason && { details: { reason: request.reason } }),
  });
};

/**
 * The application, if the caller may send documents for it: the citizen who may act on it, or an
 * officer of the organisation that referred it (docs/access.md); anyone else's is a 404.
 */
const applicationToSendFor = (deps: WorkflowDeps, principal: CitizenPrincipal | ReferrerPrincipal, id: string) =>
  principal.role === 'citizen' ? ownApplication(deps, principal, id) : applicationFor(deps, principal, id);

/**
 * POST /applications/{id}/documents (and /referrals/{id}/documents for the referring organisation):
 * documents are reported as sent (by e-mail, post or in person) or clean uploads are attached, only the
 * caller's own (an officer's: their organisation's); staff are alerted. The documents asked for put the
 * application back under review; sent before any decision (submitted or registered: the referral document
 * SIVA needs to register, docs/documents.md) they are added and the status stays. Only counts are recorded
 * on the timeline: the documents' names can reveal health data, and the documents themselves reach the
 * agency (uploads as attachments, in the same transaction).
 */
export const submitDocuments = async (
  deps: WorkflowDeps,
  uploads: Pick<UploadDeps, 'store'>,
  principal: CitizenPrincipal | ReferrerPrincipal,
  id: string,
  request: DocumentsSubmitted,
): Promise<Transition> => {
  const application = await applicationToSendFor(deps, principal, id);
  const named = request.documents.flatMap((document, index) =>
    document.sentBy === 'upload' ? [{ uploadId: document.uploadId, path: ['documents', index, 'uploadId'] }] : [],
  );
  const action = documentsActionFrom(application.status);
  if (!action) {
    throw new DomainError('illegal-transition', [violation([], 'documents_not_open', { status: application.status, allowed: documentsStatuses.join(', ') })], {
      allowedStatuses: documentsStatuses,
    });
  }
  const clean = named.length > 0 ? await cleanUploads(uploads, principal, id, named) : [];
  try {
    return await move(
      deps,
      application,
      request.expectedVersion,
      action,
      {
        type: action === 'submit-documents' ? 'documents_submitted' : 'documents_added',
        actor: { role: principal.role, subject: principal.subject },
        details: { count: request.documents.length, ...(clean.length > 0 && { attached: clean.length }) },
      },
      undefined,
      clean.length > 0 ? (eventId, at) => clean.map((upload) => attachmentOf(upload, eventId, at)) : undefined,
    );
  } catch (error) {
    // Attached elsewhere between our read and the write: the transaction's condition on each upload held.
    if (error instanceof UploadNotAttachable) throw new DomainError('conflict', named.map(({ path }) => violation(path, 'upload_already_attached')));
    throw error;
  }
};

/**
 * POST /staff/applications/{id}/representative-confirmation: staff have checked the representative's
 * authority (the document named in the filing); from now on the representative reads everything and acts.
 */
export const confirmRepresentative = async (
  deps: WorkflowDeps,
  principal: StaffPrincipal,
  id: string,
  request: { expectedVersion: number },
): Promise<Transition> => {
  const application = await applicationFor(deps, principal, id);
  if (application.channel !== 'representative') throw notEligible([violation([], 'not_a_representative_filing')]);
  if (application.version !== request.expectedVersion) throw stale();
  const event = newEvent(deps, { applicationId: id, type: 'representative_confirmed', actor: { role: 'staff', subject: principal.subject } });
  const after: Application = {
    ...application,
    version: application.version + 1,
    updatedAt: event.at,
    representativeConfirmed: { at: event.at, by: principal.subject },
  };
  return recordGuarded(deps, { before: application, after, event, closesNeed: false });
};

/**
 * The full record for a workforce reader who may see it; the read itself goes on the timeline (who and
 * when, nothing of the data), so the person and the agency can see who opened their record.
 */
const openRecorded = async (
  deps: WorkflowDeps,
  principal: StaffPrincipal | ReferrerPrincipal,
  id: string,
  type: 'viewed_by_staff' | 'viewed_by_referrer',
): Promise<ApplicationRecord> => {
  const record = readableBy(principal, await deps.store.findWithTimeline(id));
  const viewed = newEvent(deps, { applicationId: id, type, actor: { role: principal.role, subject: principal.subject } });
  await deps.store.appendEvent(viewed);
  return { ...record, timeline: [...record.timeline, viewed] };
};

/** GET /staff/applications/{id}. */
export const openForStaff = (deps: WorkflowDeps, principal: StaffPrincipal, id: string) => openRecorded(deps, principal, id, 'viewed_by_staff');

/** GET /referrals/{id}: a referring officer reads the full record as staff do, and is recorded as staff are. */
export const openForReferrer = (deps: WorkflowDeps, principal: ReferrerPrincipal, id: string) =>
  openRecorded(deps, principal, id, 'viewed_by_referrer');

const ownService = (principal: StaffPrincipal, serviceId: ServiceId) => {
  if (!principal.services.includes(serviceId)) throw forbidden();
};

/** The services a work-list query covers: the one named (if the caller's), or all of the caller's. */
const workServices = (principal: StaffPrincipal, serviceId: ServiceId | undefined): readonly ServiceId[] => {
  if (serviceId) ownService(principal, serviceId);
  return serviceId ? [serviceId] : principal.services;
};

/**
 * GET /staff/applications: the caller's services (or one of them), filtered, newest first; or one service's queue
 * of one track in queue order (a queue is per service and track, so both are needed).
 */
export const listWork = async (deps: WorkflowDeps, principal: StaffPrincipal, query: StaffListQuery, page: PageRequest) =>
  readWork(deps, workServices(principal, query.serviceId), query, page);

/**
 * listWork's read, for services the caller is already known to hold, or will be shown to hold before anything read
 * is shown: the portal's work list starts it beside the session read when the address names one service, and shows
 * it only when that service is the signed-in member's (functions/web/workforce/staff.ts).
 */
export const readWork = async (deps: WorkflowDeps, services: readonly ServiceId[], query: StaffListQuery, page: PageRequest) => {
  if (query.sort === 'queue') {
    const missing = (['serviceId', 'track'] as const).filter((name) => !query[name]);
    if (missing.length > 0) throw validationFailed(missing.map((name) => violation([name], 'required')));
    return deps.store.listQueue(query.serviceId!, query.track!, page);
  }
  if (services.length === 0) return { items: [] };
  return deps.store.listByServices(
    services,
    {
      ...(query.track && { track: query.track }),
      ...(query.status && { status: query.status }),
      // Staff mean Riga calendar days (as the report does); submittedAt is a UTC instant.
      ...(query.from && { from: rigaDayBounds(query.from).start }),
      ...(query.to && { before: rigaDayBounds(query.to).end }),
    },
    page,
  );
};

/**
 * The counts per status at the top of a work list (GET /staff/applications): over the service named (if it is
 * the staff member's; else 403 as for the list) or all of theirs, one item per service, never the applications.
 */
export const workListCounts = async (store: StatusCountStore, principal: StaffPrincipal, serviceId: ServiceId | undefined): Promise<StatusCounts> => {
  const services = workServices(principal, serviceId);
  return totalStatusCounts(services.length > 0 ? await store.readStatusCounts(services) : {}, services);
};

/** The queue position now (for the applicant's view and the staff queue). */
export const currentPosition = async (deps: Pick<WorkflowDeps, 'store'>, application: Application): Promise<number | undefined> =>
  application.status === 'queued' && application.queue
    ? positionOf(deps.store, {
        serviceId: application.serviceId,
        track: application.track,
        priorityGroup: application.queue.priorityGroup,
        admittedAt: application.queue.admittedAt,
        id: application.id,
      })
    : undefined;

/** GET /staff/notifications/failed */
export const listFailedNotifications = (deps: WorkflowDeps, principal: StaffPrincipal, serviceId: ServiceId, page: PageRequest) => {
  ownService(principal, serviceId);
  return deps.store.listFailedNotifications(serviceId, page);
};

/**
 * GET /staff/notifications/lost-batches: for any staff member, whatever their services, since a lost
 * batch's records (and so its service) are gone; it names only the shard, sequence range and times.
 */
export const listLostBatches = (deps: WorkflowDeps, _principal: StaffPrincipal, page: PageRequest) => deps.store.listLostBatches(page);

/** POST /staff/applications/{id}/notifications/resend: the notifier sends it again from the stream. */
export const resendNotification = async (
  deps: WorkflowDeps,
  principal: StaffPrincipal,
  id: string,
  request: { eventId: string; kind: NotificationKind },
): Promise<TimelineEvent> => {
  await applicationFor(deps, principal, id);
  const event = newEvent(deps, {
    applicationId: id,
    type: 'notification_resend_requested',
    actor: { role: 'staff', subject: principal.subject },
    details: { sourceEventId: request.eventId, notification: request.kind },
  });
  const reset = await deps.store.requestResend({ applicationId: id, eventId: request.eventId, kind: request.kind }, event);
  if (!reset) throw new DomainError('conflict', [violation(['eventId'], 'notification_not_failed')]);
  return event;
};
