/**
 * Entity key builders: the only place item keys are spelt. Items of one
 * application share a partition, so one Query returns it with its timeline:
 *   APPLICATION#<id> / APPLICATION
 *   APPLICATION#<id> / EVENT#<eventId>
 *   APPLICATION#<id> / NOTIFICATION#<eventId>#<kind>
 *   COUNTER#reference#<year> / COUNTER
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
export const ownerIndexKeys = (ownerSubject: string, submittedAt: string, id: string) => ({
  gsi1pk: ownerPartition(ownerSubject),
  gsi1sk: `${submittedAt}#${id}`,
});

export type Entity = 'application' | 'event' | 'notification';
