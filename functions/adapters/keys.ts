/**
 * Entity key builders: the only place item keys are spelt. Items of one
 * application share a partition, so one Query returns it with its timeline:
 *   APPLICATION#<id> / APPLICATION
 *   APPLICATION#<id> / EVENT#<eventId>
 *   APPLICATION#<id> / NOTIFICATION#<eventId>#<kind>
 *   COUNTER#reference#<year> / COUNTER
 *   OPEN#<serviceId>#<track>#<personKey> / OPEN          one open application per person and need
 *   IDEMPOTENCY#<caller>#<key> / IDEMPOTENCY             first answer to a request, expires
 *   APPLICATION#<id> / DECISION#<eventId>                the decision document
 *   FILINGS#<subject>#<day> / FILINGS                    a representative's filings of a day, expires
 *   SESSION#<digest of the session id> / SESSION         a portal session, expires
 * Indexes (see table-design.ts): gsi1 what one filer filed, gsi2 queues, gsi3 staff work lists,
 * gsi4 what is filed about a person (by person key), gsi5 closed files by the month their retention ends.
 * Retention (retention-repository.ts):
 *   TOMBSTONE#<applicationId> / TOMBSTONE          what is left of a destroyed file (no personal data)
 *   AUDIT#<personKey> / DATA-EXPORT#<at>#<id>      a staff export of a person's data: who and when
 */
import type { NotificationKind } from '../core/model';

/** The sort key of the date-ordered indexes: `<ISO instant>#<id>`, so instants order it and ids break ties. */
export const dateOrderedSortKey = (at: string, id: string) => `${at}#${id}`;
/** A date-ordered sort key as this module writes it (cursors are checked against it before they reach DynamoDB). */
export const isDateOrderedSortKey = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T[^#]{1,40}#[\w-]{1,64}$/.test(value);
/** The greatest sort key that starts `<prefix>#`: '~' sorts after every character of ids. */
export const upToSortKey = (prefix: string) => `${prefix}#~`;

export const sortKeys = { application: 'APPLICATION', eventPrefix: 'EVENT#', notificationPrefix: 'NOTIFICATION#' } as const;

export const applicationKey = (id: string) => ({ pk: `APPLICATION#${id}`, sk: sortKeys.application });
export const eventKey = (applicationId: string, eventId: string) => ({
  pk: `APPLICATION#${applicationId}`,
  sk: `${sortKeys.eventPrefix}${eventId}`,
});
export const notificationKey = (applicationId: string, eventId: string, kind: NotificationKind) => ({
  pk: `APPLICATION#${applicationId}`,
  sk: `${sortKeys.notificationPrefix}${eventId}#${kind}`,
});
export const referenceCounterKey = (year: string) => ({ pk: `COUNTER#reference#${year}`, sk: 'COUNTER' });
export const ownerPartition = (ownerSubject: string) => `OWNER#${ownerSubject}`;

export const referrerPartition = (kind: string, organisation: string) => `REFERRER#${kind}#${organisation}`;
export const filerIndexKeys = (partition: string, submittedAt: string, id: string) => ({
  gsi1pk: partition,
  gsi1sk: dateOrderedSortKey(submittedAt, id),
});
export const openNeedKey = (serviceId: string, track: string, personKey: string) => ({
  pk: `OPEN#${serviceId}#${track}#${personKey}`,
  sk: 'OPEN',
});
/** gsi4: every application about one person, whoever filed it. */
export const personIndexKeys = (personKey: string, submittedAt: string, id: string) => ({
  gsi4pk: `PERSON#${personKey}`,
  gsi4sk: dateOrderedSortKey(submittedAt, id),
});
export const filingCounterKey = (filer: string, day: string) => ({ pk: `FILINGS#${filer}#${day}`, sk: 'FILINGS' });
export const idempotencyKey = (scope: string, key: string) => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'IDEMPOTENCY' });

export const decisionKey = (applicationId: string, eventId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: `DECISION#${eventId}` });

/** gsi2: a queue, in priority-then-admission order; only queued applications carry these keys. */
export const queuePartition = (serviceId: string, track: string) => `QUEUE#${serviceId}#${track}`;
export const queueIndexKeys = (serviceId: string, track: string, priorityGroup: number, admittedAt: string, id: string) => ({
  gsi2pk: queuePartition(serviceId, track),
  gsi2sk: `${priorityGroup}#${admittedAt}#${id}`,
});

/** gsi3: a service's applications by date, and the notifications that failed for it. */
export const servicePartition = (serviceId: string) => `SERVICE#${serviceId}`;
export const serviceIndexKeys = (serviceId: string, submittedAt: string, id: string) => ({
  gsi3pk: servicePartition(serviceId),
  gsi3sk: dateOrderedSortKey(submittedAt, id),
});
export const failedPartition = (serviceId: string) => `FAILED#${serviceId}`;
/** A failed notification on its service's list, in the order its outcome was recorded. */
export const failedIndexKeys = (serviceId: string, at: string, key: { applicationId: string; eventId: string; kind: NotificationKind }) => ({
  gsi3pk: failedPartition(serviceId),
  gsi3sk: `${at}#${key.applicationId}#${key.eventId}#${key.kind}`,
});

/** A portal session under a digest of its id: the table never holds a cookie value that would sign someone in. */
export const sessionKey = (idDigest: string) => ({ pk: `SESSION#${idDigest}`, sk: 'SESSION' });

/**
 * A dead-lettered stream batch whose records could no longer be read (see core/dead-letters.ts):
 *   LOST-BATCH#<shardId>#<startSequenceNumber> / LOST-BATCH, listed on gsi3 under FAILED#stream-batches
 * (its service is unknown: the records are gone), newest first by approximate arrival.
 */
export const lostBatchKey = (shardId: string, startSequenceNumber: string) => ({ pk: `LOST-BATCH#${shardId}#${startSequenceNumber}`, sk: 'LOST-BATCH' });
export const lostBatchesPartition = 'FAILED#stream-batches';
export const lostBatchIndexKeys = (listedAt: string, shardId: string, startSequenceNumber: string) => ({
  gsi3pk: lostBatchesPartition,
  gsi3sk: `${listedAt}#${shardId}#${startSequenceNumber}`,
});

export type Entity = 'application' | 'event' | 'notification' | 'open-need' | 'idempotency' | 'decision' | 'filing-counter' | 'lost-batch' | 'session' | UploadEntity | DraftEntity;
/*
 * Evidence uploads (upload-repository.ts):
 *   UPLOAD#<uploadId> / UPLOAD                     a declared file and its check (pending, clean, rejected)
 *   APPLICATION#<id> / UPLOAD-QUOTA                files and bytes counted against the application's limits
 *   APPLICATION#<id> / ATTACHMENT#<uploadId>       a clean upload attached to the application
 */
export const uploadKey = (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' });
export const uploadQuotaKey = (applicationId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: 'UPLOAD-QUOTA' });
export const attachmentPrefix = 'ATTACHMENT#';
export const attachmentKey = (applicationId: string, uploadId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: `${attachmentPrefix}${uploadId}` });
export type UploadEntity = 'upload' | 'upload-quota' | 'attachment';

/*
 * The annual report's counters (report-repository.ts), kept from the table stream:
 *   REPORT#<year> / <metric>#<serviceId>#<track>#<dimension>   one figure of the year
 *   REPORT#QUEUE / <year>#<serviceId>#<track>                  a queue's net change in a year
 *   REPORT#QUEUE-MONTHS#<year> / <MM>#<serviceId>#<track>      a queue's net change in a month of the year
 *   STATUS-COUNTS#<serviceId> / STATUS-COUNTS                 applications per status now (an attribute per status)
 *   COUNTED#<applicationId>#<eventId> / COUNTED                an event already counted, expires
 * Queue net changes share one partition sorted by year, so a queue's length at
 * the end of year Y is one Query of sk <= queueNetUpTo(Y). Years have 4 digits.
 */
export const reportYearPartition = (year: number) => `REPORT#${year}`;
export const reportCounterKey = (year: number, figure: { metric: string; serviceId: string; track: string; dimension: string }) => ({
  pk: reportYearPartition(year),
  sk: `${figure.metric}#${figure.serviceId}#${figure.track}#${figure.dimension}`,
});
export const queueNetPartition = 'REPORT#QUEUE';
export const queueNetKey = (year: number, serviceId: string, track: string) => ({ pk: queueNetPartition, sk: `${year}#${serviceId}#${track}` });
/** The greatest queue sort key of a year. */
export const queueNetUpTo = (year: number) => upToSortKey(String(year));
export const queueMonthPartition = (year: number) => `REPORT#QUEUE-MONTHS#${year}`;
export const queueMonthKey = (year: number, month: number, serviceId: string, track: string) => ({
  pk: queueMonthPartition(year),
  sk: `${String(month).padStart(2, '0')}#${serviceId}#${track}`,
});
export const statusCountsKey = (serviceId: string) => ({ pk: `STATUS-COUNTS#${serviceId}`, sk: 'STATUS-COUNTS' });
export const countedEventKey = (applicationId: string, eventId: string) => ({ pk: `COUNTED#${applicationId}#${eventId}`, sk: 'COUNTED' });

export type ReportEntity = 'report-counter' | 'report-queue' | 'report-queue-month' | 'status-counts' | 'counted-event';

/** gsi5: closed applications, sparse, by the month their retention ends (Riga dates; docs/retention.md). */
export const retentionPartition = (month: string) => `RETAIN#${month}`;
export const retentionIndexKeys = (month: string, retainUntil: string, id: string) => ({
  gsi5pk: retentionPartition(month),
  gsi5sk: dateOrderedSortKey(retainUntil, id),
});
export const tombstoneKey = (applicationId: string) => ({ pk: `TOMBSTONE#${applicationId}`, sk: 'TOMBSTONE' });
export const dataExportAuditKey = (personKey: string, at: string, id: string) => ({ pk: `AUDIT#${personKey}`, sk: `DATA-EXPORT#${at}#${id}` });
export const dataExportAuditPrefix = 'DATA-EXPORT#';
export type RetentionEntity = 'tombstone' | 'data-export-audit';

/*
 * Drafts (draft-repository.ts; docs/drafts.md):
 *   DRAFT#<id> / DRAFT                                   the draft; expires (TTL)
 *   DRAFT#<id> / UPLOAD-QUOTA                            files and bytes counted against the draft's limits
 *   DRAFT-SLOT#<personKey>#<serviceId>#<track|-> / DRAFT-SLOT   one draft per person, service and track; expires
 * gsi1: DRAFTS#<personKey> / <createdAt>#<id> (a person's drafts) and DRAFT-UPLOADS#<draftId> / <uploadId> (a draft's
 * uploads, on the upload items while they belong to the draft); gsi3: DRAFT-REMINDERS / <remindAt>#<id>, sparse,
 * only while a reminder is still to be sent.
 */
export type DraftEntity = 'draft' | 'draft-slot';
export const draftKey = (id: string) => ({ pk: `DRAFT#${id}`, sk: 'DRAFT' });
export const draftUploadQuotaKey = (draftId: string) => ({ pk: `DRAFT#${draftId}`, sk: 'UPLOAD-QUOTA' });
export const draftSlotKey = (personKey: string, serviceId: string, track: string | undefined) => ({
  pk: `DRAFT-SLOT#${personKey}#${serviceId}#${track ?? '-'}`,
  sk: 'DRAFT-SLOT',
});
export const draftOwnerIndexKeys = (personKey: string, createdAt: string, id: string) => ({ gsi1pk: `DRAFTS#${personKey}`, gsi1sk: dateOrderedSortKey(createdAt, id) });
export const draftUploadIndexKeys = (draftId: string, uploadId: string) => ({ gsi1pk: `DRAFT-UPLOADS#${draftId}`, gsi1sk: uploadId });
export const draftRemindersPartition = 'DRAFT-REMINDERS';
export const draftReminderIndexKeys = (remindAt: string, id: string) => ({ gsi3pk: draftRemindersPartition, gsi3sk: dateOrderedSortKey(remindAt, id) });
