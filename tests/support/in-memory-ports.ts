/**
 * The core's storage ports held in maps, for unit specs of the orchestrations (filing, decisions, withdrawal,
 * reads) without DynamoDB. It keeps the conditions the real store enforces (functions/adapters/application-
 * repository.ts and workflow-repository.ts), so a spec states the core's behaviour against the same guarantees:
 * one open need per person, service and track; an idempotency key stored once per caller; a representative's daily
 * quota counted in the same write; a transition written only at the version it was read at; all or nothing.
 */
import { DailyFilingLimitReached, IdempotencyKeyTaken, OpenApplicationExists, type ApplicationStore, type DraftHandover, type FilingQuota, type IdempotencyRecord } from '../../functions/core/applications/ports';
import type { Page, PageRequest } from '../../functions/core/applications/types';
import type { LostBatch } from '../../functions/core/dead-letters';
import { DraftChanged, DraftSlotTaken, type Draft, type DraftStore } from '../../functions/core/drafts';
import { DomainError } from '../../functions/core/errors';
import type { Upload } from '../../functions/core/uploads';
import type { Application, DecisionRecord, NotificationKind, NotificationRecord, TimelineEvent } from '../../functions/core/model';
import { StaleVersion, type FailedNotification, type QueueSlot, type Transition, type WorkflowStore } from '../../functions/core/workflow';
import type { ServiceId } from '../../schemas/services';

const needOf = (application: Pick<Application, 'serviceId' | 'track' | 'personKey'>) =>
  `${application.serviceId}|${application.track}|${application.personKey}`;

/** Newest first, then a page of `limit` after the cursor (the cursor is the index to start at). */
const pageOf = <T>(items: readonly T[], page: PageRequest): Page<T> => {
  const start = page.cursor ? Number(page.cursor) : 0;
  const end = start + page.limit;
  return { items: items.slice(start, end), ...(end < items.length && { nextCursor: String(end) }) };
};

const newestFirst = (a: Application, b: Application) => b.submittedAt.localeCompare(a.submittedAt) || b.id.localeCompare(a.id);

/** Queue order (docs/domain.md): priority group, then admission time, then id. */
const queueKey = (slot: Pick<QueueSlot, 'priorityGroup' | 'admittedAt' | 'id'>) => `${slot.priorityGroup}#${slot.admittedAt}#${slot.id}`;

export class InMemoryStore implements ApplicationStore, WorkflowStore {
  readonly applications = new Map<string, Application>();
  readonly timelines = new Map<string, TimelineEvent[]>();
  readonly decisions = new Map<string, DecisionRecord[]>();
  readonly notifications = new Map<string, NotificationRecord[]>();
  /** Open need (service|track|personKey) → the application holding it. */
  readonly openNeeds = new Map<string, string>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** filer|day → filings counted. */
  readonly filingCounts = new Map<string, number>();
  readonly handovers: DraftHandover[] = [];
  readonly attachmentsWritten: NonNullable<Transition['attachments']>[number][] = [];
  readonly lostBatches: LostBatch[] = [];
  readonly failedNotifications: FailedNotification[] = [];
  readonly resends: { key: { applicationId: string; eventId: string; kind: NotificationKind }; event: TimelineEvent }[] = [];
  private readonly sequences = new Map<string, number>();

  async nextReferenceNumber(year: string): Promise<number> {
    const next = (this.sequences.get(year) ?? 0) + 1;
    this.sequences.set(year, next);
    return next;
  }

  async insertSubmitted(application: Application, event: TimelineEvent, idempotency?: IdempotencyRecord, quota?: FilingQuota, handover?: DraftHandover) {
    // Checked in the real transaction's order of answer: the idempotency record, the quota, the open need.
    if (this.applications.has(application.id)) throw new Error(`application ${application.id} already stored`);
    const idempotencyKey = idempotency && `${idempotency.scope}|${idempotency.key}`;
    if (idempotencyKey && this.idempotency.has(idempotencyKey)) throw new IdempotencyKeyTaken();
    const counted = quota && `${quota.filer}|${quota.day}`;
    if (quota && counted && (this.filingCounts.get(counted) ?? 0) >= quota.limit) throw new DailyFilingLimitReached();
    const need = needOf(application);
    const holder = this.openNeeds.get(need);
    if (!application.possibleDuplicateOf && holder) throw new OpenApplicationExists(holder);

    this.applications.set(application.id, application);
    this.timelines.set(application.id, [event]);
    if (!application.possibleDuplicateOf) this.openNeeds.set(need, application.id);
    if (idempotency && idempotencyKey) this.idempotency.set(idempotencyKey, idempotency);
    if (counted) this.filingCounts.set(counted, (this.filingCounts.get(counted) ?? 0) + 1);
    if (handover) this.handovers.push(handover);
  }

  async findApplication(id: string) {
    return this.applications.get(id);
  }

  async findWithTimeline(id: string) {
    const application = this.applications.get(id);
    if (!application) return undefined;
    return {
      application,
      timeline: [...(this.timelines.get(id) ?? [])],
      notifications: [...(this.notifications.get(id) ?? [])],
      decisions: [...(this.decisions.get(id) ?? [])],
    };
  }

  async findIdempotencyRecord(scope: string, key: string) {
    return this.idempotency.get(`${scope}|${key}`);
  }

  async listForPerson(ownerSubject: string, personKey: string, page: PageRequest) {
    const mine = [...this.applications.values()].filter((a) => a.ownerSubject === ownerSubject || a.personKey === personKey);
    return pageOf(mine.sort(newestFirst), page);
  }

  async listByReferrer(kind: string, organisation: string, page: PageRequest) {
    const referred = [...this.applications.values()].filter((a) => a.referral?.kind === kind && a.referral.organisation === organisation);
    return pageOf(referred.sort(newestFirst), page);
  }

  async recordTransition(transition: Transition) {
    const stored = this.applications.get(transition.before.id);
    if (!stored || stored.version !== transition.before.version) throw new StaleVersion();
    this.applications.set(stored.id, transition.after);
    this.timelines.get(stored.id)?.push(transition.event);
    if (transition.decision) this.decisions.set(stored.id, [...(this.decisions.get(stored.id) ?? []), transition.decision]);
    if (transition.closesNeed && this.openNeeds.get(needOf(stored)) === stored.id) this.openNeeds.delete(needOf(stored));
    this.attachmentsWritten.push(...(transition.attachments ?? []));
  }

  async appendEvent(event: TimelineEvent) {
    this.timelines.get(event.applicationId)?.push(event);
  }

  async placesAhead(slot: QueueSlot) {
    const mine = queueKey(slot);
    return [...this.applications.values()].filter(
      (a) => a.status === 'queued' && a.queue && a.serviceId === slot.serviceId && a.track === slot.track && a.id !== slot.id && queueKey({ ...a.queue, id: a.id }) < mine,
    ).length;
  }

  async listByServices(serviceIds: readonly ServiceId[], filter: { track?: string; status?: string; from?: string; before?: string }, page: PageRequest) {
    const matching = [...this.applications.values()].filter(
      (a) =>
        serviceIds.includes(a.serviceId) &&
        (!filter.track || a.track === filter.track) &&
        (!filter.status || a.status === filter.status) &&
        (!filter.from || a.submittedAt >= filter.from) &&
        (!filter.before || a.submittedAt < filter.before),
    );
    return pageOf(matching.sort(newestFirst), page);
  }

  async listQueue(serviceId: ServiceId, track: string, page: PageRequest) {
    const queued = [...this.applications.values()].filter((a) => a.status === 'queued' && a.queue && a.serviceId === serviceId && a.track === track);
    return pageOf(
      queued.sort((a, b) => queueKey({ ...a.queue!, id: a.id }).localeCompare(queueKey({ ...b.queue!, id: b.id }))),
      page,
    );
  }

  async listFailedNotifications(serviceId: ServiceId, page: PageRequest) {
    const ofService = this.failedNotifications.filter((failed) => this.applications.get(failed.applicationId)?.serviceId === serviceId);
    return pageOf(ofService, page);
  }

  async listLostBatches(page: PageRequest) {
    return pageOf(this.lostBatches, page);
  }

  async requestResend(key: { applicationId: string; eventId: string; kind: NotificationKind }, event: TimelineEvent) {
    const at = this.failedNotifications.findIndex((f) => f.applicationId === key.applicationId && f.eventId === key.eventId && f.kind === key.kind);
    if (at < 0) return false;
    this.failedNotifications.splice(at, 1);
    this.resends.push({ key, event });
    this.timelines.get(key.applicationId)?.push(event);
    return true;
  }
}

/** A clock that stands still until moved: filings and decisions get the instants a spec names. */
export const fixedClock = (iso: string) => {
  let now = new Date(iso);
  const clock = () => new Date(now);
  clock.set = (next: string) => {
    now = new Date(next);
  };
  return clock;
};

/** Ids that say which call made them: id-1, id-2, … */
export const sequentialIds = (prefix = 'id') => {
  let count = 0;
  return () => {
    count += 1;
    return `${prefix}-${String(count).padStart(8, '0')}`;
  };
};

/**
 * Drafts as functions/adapters/draft-repository.ts keeps them: one slot per person, service and track; a save is
 * one conditional write (owner, service, track once chosen, version, unexpired) answering the stored draft, or
 * DraftChanged with what is stored.
 */
export class InMemoryDraftStore implements DraftStore {
  readonly drafts = new Map<string, Draft>();
  /** owner|service|track (or -) → draft id. */
  readonly slots = new Map<string, string>();
  readonly uploads = new Map<string, Upload[]>();
  readonly released: string[] = [];
  readonly discarded: string[] = [];
  readonly quotasDiscarded: string[] = [];

  private slotOf(draft: Pick<Draft, 'ownerKey' | 'serviceId' | 'track'>) {
    return `${draft.ownerKey}|${draft.serviceId}|${draft.track ?? '-'}`;
  }

  async insert(draft: Draft, replacing?: string) {
    const slot = this.slotOf(draft);
    const holder = this.slots.get(slot);
    if (holder !== undefined && holder !== replacing) throw new DraftSlotTaken(holder);
    if (replacing !== undefined && holder !== replacing) throw new DraftSlotTaken(holder ?? '');
    this.drafts.set(draft.id, draft);
    this.slots.set(slot, draft.id);
  }

  async find(id: string) {
    return this.drafts.get(id);
  }

  async listOwned(ownerKey: string) {
    return [...this.drafts.values()].filter((draft) => draft.ownerKey === ownerKey);
  }

  async save(draft: Draft, expectedVersion: number, now: string) {
    const stored = this.drafts.get(draft.id);
    const holds =
      stored &&
      stored.ownerKey === draft.ownerKey &&
      stored.serviceId === draft.serviceId &&
      stored.version === expectedVersion &&
      stored.expiresAt > now &&
      (draft.track === undefined || stored.track === undefined || stored.track === draft.track);
    if (!holds) throw new DraftChanged(stored);
    const { reminder: _previous, ...kept } = stored;
    const saved: Draft = { ...kept, ...draft, track: draft.track ?? stored.track, createdAt: stored.createdAt };
    if (saved.track === undefined) delete (saved as { track?: string }).track;
    this.drafts.set(draft.id, saved);
    return saved;
  }

  async remove(draft: Draft) {
    this.drafts.delete(draft.id);
    for (const [slot, id] of this.slots) if (id === draft.id) this.slots.delete(slot);
  }

  async listUploads(draftId: string) {
    return this.uploads.get(draftId) ?? [];
  }

  async dueReminders(now: string, limit: number) {
    return [...this.drafts.values()]
      .filter((draft) => draft.reminder && draft.reminder.remindAt <= now)
      .sort((a, b) => a.reminder!.remindAt.localeCompare(b.reminder!.remindAt))
      .slice(0, limit);
  }

  async claimReminder(draft: Draft, _at: string) {
    const stored = this.drafts.get(draft.id);
    if (!stored?.reminder || stored.version !== draft.version) return false;
    const { reminder: _claimed, ...rest } = stored;
    this.drafts.set(draft.id, rest);
    return true;
  }

  async releaseReminder(draft: Draft) {
    this.released.push(draft.id);
    if (draft.reminder) this.drafts.set(draft.id, { ...this.drafts.get(draft.id)!, reminder: draft.reminder });
  }

  async discardUpload(upload: Upload) {
    this.discarded.push(upload.id);
  }

  async discardQuota(draftId: string) {
    this.quotasDiscarded.push(draftId);
  }
}

/** The DomainError a call is refused with (and a failing spec when it is not refused, or refused otherwise). */
export const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
};
