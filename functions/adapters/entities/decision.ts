/** A decision document: one item in its application's partition, beside the event that recorded it. */
import type { DecisionRecord } from '../../core/model';
import { decisionKey } from '../keys';
import { storedAsItself } from './item';

export const decisionItems = storedAsItself<DecisionRecord>('decision', (decision) => decisionKey(decision.applicationId, decision.eventId));
