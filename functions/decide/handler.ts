import { Decision } from '../../schemas/decision';
import { ApplicationIdPath } from '../../schemas/lifecycle';
import { decide } from '../core/workflow';
import { transitionResponse } from '../http/transitions';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { workflowDeps } from '../wiring/workflow';
import { decideRoute } from '../../infra/routes';

/** decideRoute (infra/routes.ts): the core's transition answered as the application's new state. */
export const handler = httpRoute({ routes: [decideRoute], issuers, path: ApplicationIdPath, body: Decision }, async ({ principal, path, body }) =>
  transitionResponse(await decide(workflowDeps, principal, path.id, body)),
);
