import { ApplicationIdPath } from '../../schemas/lifecycle';
import { referrerKinds } from '../../schemas/services';
import { applicationView } from '../core/views';
import { currentPosition, openForReferrer } from '../core/workflow';
import { httpRoute, json } from '../http/route';
import { issuers, rules, workflowDeps } from '../wiring';

/** GET /referrals/{id}: one of the organisation's referrals with status and timeline (the read is recorded); another organisation's is 404. */
export const handler = httpRoute({ roles: referrerKinds, issuers, path: ApplicationIdPath }, async ({ principal, path }) => {
  const record = await openForReferrer(workflowDeps, principal, path.id);
  return json(200, applicationView(record, rules, await currentPosition(workflowDeps, record.application)));
});
