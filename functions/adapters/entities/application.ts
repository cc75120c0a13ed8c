/** An application: one item under its own partition, in every index its state calls for (keys.ts spells them). */
import type { Application } from '../../core/model';
import { retentionMonthOf } from '../../core/retention';
import {
  applicationKey,
  filerIndexKeys,
  ownerPartition,
  personIndexKeys,
  queueIndexKeys,
  referrerPartition,
  retentionIndexKeys,
  serviceIndexKeys,
} from '../keys';
import { storedAsItself } from './item';

/** Who filed it, as the filer index (gsi1) lists it: the referring organisation, or the account that filed. */
const filerPartition = (application: Application): string =>
  application.referral
    ? referrerPartition(application.referral.kind, application.referral.organisation)
    : ownerPartition(application.ownerSubject ?? '');

/** The item with every index key its state calls for: a queued application is in its queue's index, a closed one in gsi5. */
export const applicationItems = storedAsItself<Application>('application', (application) => ({
  ...applicationKey(application.id),
  ...filerIndexKeys(filerPartition(application), application.submittedAt, application.id),
  ...serviceIndexKeys(application.serviceId, application.submittedAt, application.id),
  ...personIndexKeys(application.personKey, application.submittedAt, application.id),
  ...(application.status === 'queued' &&
    application.queue &&
    queueIndexKeys(application.serviceId, application.track, application.queue.priorityGroup, application.queue.admittedAt, application.id)),
  ...(application.retainUntil && retentionIndexKeys(retentionMonthOf(application.retainUntil), application.retainUntil, application.id)),
}));
