/**
 * A notification marker, one per event and e-mail, in its application's partition. Markers are written attribute by
 * attribute (notification-repository.ts: each write sets what it settles); a failed one joins its service's list.
 */
import type { NotificationKind, NotificationRecord } from '../../core/model';
import { failedIndexKeys, notificationKey } from '../keys';
import { storedAsItself } from './item';

export const notificationItems = storedAsItself<NotificationRecord>('notification', (record) =>
  notificationKey(record.applicationId, record.eventId, record.kind),
);

/** The attributes that put a failed marker on its service's list for staff (gsi3) until someone resends it. */
export const failedListing = (
  key: { applicationId: string; eventId: string; kind: NotificationKind },
  failure: { code: string; permanent: boolean },
  at: string,
  serviceId: string,
) => ({ failure, ...failedIndexKeys(serviceId, at, key) });
