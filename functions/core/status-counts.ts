/**
 * How many applications of each service stand in each status now: the counts at the top of staff's work list
 * (docs/workforce-officers.md, "Counts per status"). They are standing counts, kept from the table stream in the
 * same transaction as the report's counters (functions/core/report.ts), so a stream record delivered again
 * changes neither; reading them is one item per service, never a read of applications.
 */
import { applicationStatuses, type ApplicationStatus } from '../../schemas/lifecycle';
import { serviceIds, type ServiceId } from '../../schemas/services';
import type { Application, TimelineEvent } from './model';

/** One service's count of one status moves by one. */
export interface StatusIncrement {
  readonly metric: 'status';
  readonly serviceId: ServiceId;
  readonly status: ApplicationStatus;
  readonly delta: 1 | -1;
}

/** Applications per status, every status present (0 when none). */
export type StatusCounts = Record<ApplicationStatus, number>;

/** What the store holds for one service: only statuses ever counted. */
export type StoredStatusCounts = Partial<Record<ApplicationStatus, number>>;

export interface StatusCountStore {
  /** The counts of these services, one item each, read together; a service never counted is absent. */
  readStatusCounts(services: readonly ServiceId[]): Promise<Partial<Record<ServiceId, StoredStatusCounts>>>;
}

export interface CountingSinceStore {
  /** When the service's counts began (an ISO instant: the first count's), undefined while none was counted. */
  statusCountingSince(serviceId: string): Promise<string | undefined>;
}

const statusOf = (value: unknown): ApplicationStatus | undefined => applicationStatuses.find((status) => status === value);

/**
 * What one timeline event does to the counts: a new application is +1 on its first status; a status change is −1
 * on the status it left and +1 on the one it entered (the timeline records both in `details.from`/`details.to`).
 * Everything else (views, notifications, a representative confirmed) leaves them alone.
 */
export const statusIncrements = (event: TimelineEvent, application: Pick<Application, 'serviceId'>): StatusIncrement[] => {
  const { serviceId } = application;
  if (event.type === 'submitted') return [{ metric: 'status', serviceId, status: statusOf(event.status) ?? 'submitted', delta: 1 }];
  const from = statusOf(event.details?.from);
  const to = statusOf(event.details?.to);
  if (!from || !to || from === to) return [];
  return [
    { metric: 'status', serviceId, status: from, delta: -1 },
    { metric: 'status', serviceId, status: to, delta: 1 },
  ];
};

/** An application destroyed after its retention period, as the table stream's REMOVE of its item shows it. */
export interface DestroyedApplication {
  readonly applicationId: string;
  readonly serviceId: string;
  readonly status: string;
  /** When it closed (every destroyed application did); the counts hold it only if that was counted. */
  readonly closedAt?: string;
}

/**
 * What destroying an application (docs/retention.md, "Destruction") does to the counts: −1 on the status it was
 * closed in, since it no longer stands anywhere, but only when its closing was counted, i.e. it closed after its
 * service's counting began (`countingSince`). A file closed before that is not in the counts (they start at
 * deployment, docs/workforce-officers.md), and files are destroyed ten years after closing: for the first ten years
 * every destroyed file is one of those, and taking it off would push the closed statuses below what stands there.
 * A service or status this code does not know counts nothing.
 */
export const destructionIncrements = (destroyed: Omit<DestroyedApplication, 'applicationId'>, countingSince: string | undefined): StatusIncrement[] => {
  const serviceId = serviceIds.find((id) => id === destroyed.serviceId);
  const status = statusOf(destroyed.status);
  const closingCounted = countingSince !== undefined && destroyed.closedAt !== undefined && destroyed.closedAt >= countingSince;
  return serviceId && status && closingCounted ? [{ metric: 'status', serviceId, status, delta: -1 }] : [];
};

/**
 * The counts over the services in scope, added up. A service's count below zero can only come from applications
 * that were already in that status before counting began (docs/workforce-officers.md, "Counts per status"): it
 * adds 0, not a negative number of applications. (Destruction is counted, so it adds no drift; uncounted, it only
 * ever left counts too high, which no clamp hid.)
 */
export const totalStatusCounts = (stored: Partial<Record<ServiceId, StoredStatusCounts>>, services: readonly ServiceId[]): StatusCounts =>
  Object.fromEntries(
    applicationStatuses.map((status) => [status, services.reduce((sum, serviceId) => sum + Math.max(0, stored[serviceId]?.[status] ?? 0), 0)]),
  ) as StatusCounts;
