import { ApplicationIdPath } from '../../schemas/lifecycle';
import { referrerKinds } from '../../schemas/services';
import { getApplication } from '../core/applications';
import { applicationView } from '../core/views';
import { currentPosition } from '../core/workflow';
import { httpRoute, json } from '../http/route';
import { applicationDeps, issuers, rules, workflowDeps } from '../wiring';

/** GET /referrals/{id}: one of the organisation's referrals with status and timeline; another organisation's is 404. */
export const handler = httpRoute({ roles: referrerKinds, issuers, path: ApplicationIdPath }, async ({ principal, path }) => {
  const record = await getApplication(applicationDeps, principal, path.id);
  return json(200, applicationView(record, rules, await currentPosition(workflowDeps, record.application)));
});
