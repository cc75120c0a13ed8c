/**
 * Entity key builders: the only place item keys are spelt. Items of one
 * application share a partition, so one Query returns it with its timeline:
 *   APPLICATION#<id> / APPLICATION
 *   APPLICATION#<id> / EVENT#<eventId>
 *   APPLICATION#<id> / NOTIFICATION#<eventId>#<kind>
 *   COUNTER#reference#<year> / COUNTER
 *   OPEN#<serviceId>#<track>#<personKey> / OPEN          one open application per person and need
 *   IDEMPOTENCY#<caller>#<key> / IDEMPOTENCY             first answer to a request, expires
 * The gsi1 index lists what one filer filed: OWNER#<subject> or REFERRER#<kind>#<organisation>.
 */
import type { NotificationKind } from '../core/model';

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
  gsi1sk: `${submittedAt}#${id}`,
});
export const openNeedKey = (serviceId: string, track: string, personKey: string) => ({
  pk: `OPEN#${serviceId}#${track}#${personKey}`,
  sk: 'OPEN',
});
export const idempotencyKey = (scope: string, key: string) => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'IDEMPOTENCY' });

export type Entity = 'application' | 'event' | 'notification' | 'open-need' | 'idempotency';
