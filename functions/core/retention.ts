/**
 * How long records are kept, and the archivist's side of it: the list of files
 * due for destruction in a month, and their destruction with the archive's
 * approval, leaving a tombstone. Records are never deleted by a timer
 * (docs/retention.md). Pure orchestration: storage and clock are passed in.
 */
import { violation } from '../../schemas/messages';
import type { ServiceId } from '../../schemas/services';
import type { ApplicationStatus } from '../../schemas/lifecycle';
import type { ApplicationLookup } from './applications/ports';
import type { Page, PageRequest } from './applications/types';
import { monthsAfter, rigaDate } from './dates';
import { DomainError, notFound } from './errors';
import { closedStatuses } from './lifecycle';
import type { Application, PrincipalFor } from './model';

/**
 * The retention classes, each with its source in docs/retention.md. The one place these periods are set:
 * the workflow, the drafts, the upload buckets' lifecycle (infra) and the documentation read them here.
 */
export const retentionClasses = {
  /** A client's file: 10 years after the application closes (the agency's file plan). */
  applicationFile: { months: 10 * 12 },
  /** A draft: 30 days after its last save, never more than 90 days after it was started. */
  draft: { idleDays: 30, maxDays: 90 },
  /** An upload never attached to an application (quarantine leftovers): 1 day. */
  orphanUpload: { days: 1 },
  /** A rejected upload (malware, wrong type or size): its bytes are deleted at once. */
  rejectedUpload: { days: 0 },
  /** A destroyed file's evidence bytes, kept as noncurrent versions as long as the table's point-in-time backups. */
  destroyedEvidenceVersions: { days: 35 },
} as const;

/** `YYYY-MM`: a retention month. */
export type RetentionMonth = string;

/** The Riga date until which a file closed at `closedAt` is kept; it may be destroyed from that day. */
export const retainUntilOf = (closedAt: string): string => monthsAfter(rigaDate(new Date(closedAt)), retentionClasses.applicationFile.months);

/** The month under which a file due on `retainUntil` is listed. */
export const retentionMonthOf = (retainUntil: string): RetentionMonth => retainUntil.slice(0, 7);

/** What closing writes on the application (the workflow calls this on every move into a closed status). */
export const closingFields = (to: ApplicationStatus, at: string): Pick<Application, 'closedAt' | 'retainUntil'> =>
  closedStatuses.includes(to) ? { closedAt: at, retainUntil: retainUntilOf(at) } : {};

export type ArchivistPrincipal = PrincipalFor<'archivist'>;

/** One line of the due list: what the archivist needs to ask the archive, nothing about the person. */
export interface DueRecord {
  readonly id: string;
  readonly reference: string;
  readonly serviceId: ServiceId;
  readonly track: string;
  readonly status: ApplicationStatus;
  readonly submittedAt: string;
  readonly closedAt: string;
  readonly retainUntil: string;
}

/** What is left of a destroyed application: no personal data, only what the file plan's register needs. */
export interface Tombstone extends DueRecord {
  readonly destroyedAt: string;
  /** The workforce account that destroyed it. */
  readonly destroyedBy: string;
  /** The archive's agreement (e.g. the act number) the destruction was approved under. */
  readonly approvalReference: string;
}

export interface RetentionStore extends ApplicationLookup {
  findTombstone(id: string): Promise<Tombstone | undefined>;
  /** Closed applications whose retention ends in `month` (a sparse index, no Scan), by date due. */
  listDue(month: RetentionMonth, page: PageRequest): Promise<Page<DueRecord>>;
  /**
   * Deletes every item and evidence object of the application and leaves the tombstone; safe to repeat
   * after a failure part-way (the application item goes last, with the tombstone).
   */
  destroy(application: Application, tombstone: Tombstone): Promise<void>;
}

export interface RetentionDeps {
  readonly store: RetentionStore;
  readonly clock: () => Date;
}

export const dueRecordOf = (application: Application): DueRecord => ({
  id: application.id,
  reference: application.reference,
  serviceId: application.serviceId,
  track: application.track,
  status: application.status,
  submittedAt: application.submittedAt,
  closedAt: application.closedAt ?? '',
  retainUntil: application.retainUntil ?? '',
});

/** GET /staff/retention/due?month=YYYY-MM */
export const listDue = (deps: RetentionDeps, _principal: ArchivistPrincipal, month: RetentionMonth, page: PageRequest) =>
  deps.store.listDue(month, page);

/**
 * POST /staff/retention/destructions: every named application must be closed and due (its retention ended
 * on or before today in Riga), or nothing is destroyed (422 naming each one that is not). One already
 * destroyed answers with its tombstone again, so a repeated request does no harm.
 */
export const destroyApplications = async (
  deps: RetentionDeps,
  principal: ArchivistPrincipal,
  request: { ids: readonly string[]; approvalReference: string },
): Promise<Tombstone[]> => {
  const today = rigaDate(deps.clock());
  const found = await Promise.all(
    request.ids.map(async (id) => ({ id, application: await deps.store.findApplication(id), tombstone: await deps.store.findTombstone(id) })),
  );
  const missing = found.filter(({ application, tombstone }) => !application && !tombstone);
  if (missing.length > 0) throw notFound();
  const notDue = found.flatMap(({ application }, index) =>
    application && !(application.retainUntil && application.retainUntil <= today) ? [violation(['ids', index], 'retention_not_due')] : [],
  );
  if (notDue.length > 0) throw new DomainError('not-eligible', notDue);

  const destroyedAt = deps.clock().toISOString();
  const tombstones: Tombstone[] = [];
  for (const { application, tombstone } of found) {
    if (!application) {
      tombstones.push(tombstone!);
      continue;
    }
    const left: Tombstone = { ...dueRecordOf(application), destroyedAt, destroyedBy: principal.subject, approvalReference: request.approvalReference };
    await deps.store.destroy(application, left);
    tombstones.push(left);
  }
  return tombstones;
};
