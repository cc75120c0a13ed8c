/** The answer to a lifecycle move, shared by staff decisions and the applicant's own moves. */
import { decisionTypesFrom } from '../core/lifecycle';
import type { Transition } from '../core/workflow';
import { json } from './route';

export const transitionResponse = ({ after, event }: Transition) =>
  json(200, {
    id: after.id,
    reference: after.reference,
    status: after.status,
    version: after.version,
    event: { id: event.id, type: event.type, at: event.at, details: event.details },
    allowedDecisions: decisionTypesFrom(after.status),
  });
