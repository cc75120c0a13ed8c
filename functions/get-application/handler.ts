import { ApplicationIdPath } from '../../schemas/lifecycle';
import { getApplication } from '../core/applications/reading';
import { citizenView } from '../core/views';
import { currentPosition } from '../core/workflow';
import { httpRoute, json } from '../http/route';
import { issuers, rules } from '../settings';
import { applicationStore } from '../wiring/application-store';
import { workflowDeps } from '../wiring/workflow';
import { getApplicationRoute } from '../../infra/routes';

/** getApplicationRoute (infra/routes.ts): the citizen's view, with the queue position read now. */
export const handler = httpRoute({ routes: [getApplicationRoute], issuers, path: ApplicationIdPath }, async ({ principal, path }) => {
  const record = await getApplication(applicationStore, principal, path.id);
  return json(200, citizenView(principal, record, rules, await currentPosition(workflowDeps, record.application)));
});
