/** A timeline event: one item in its application's partition, written once (the audit trail). */
import type { TimelineEvent } from '../../core/model';
import { eventKey } from '../keys';
import { storedAsItself } from './item';

export const eventItems = storedAsItself<TimelineEvent>('event', (event) => eventKey(event.applicationId, event.id));
