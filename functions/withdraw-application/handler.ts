import { Withdrawal } from '../../schemas/decision';
import { ApplicationIdPath } from '../../schemas/lifecycle';
import { withdraw } from '../core/workflow';
import { transitionResponse } from '../http/transitions';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { workflowDeps } from '../wiring/workflow';
import { withdrawApplicationRoute } from '../../infra/routes';

/** withdrawApplicationRoute (infra/routes.ts): the core's transition answered as the application's new state. */
export const handler = httpRoute({ routes: [withdrawApplicationRoute], issuers, path: ApplicationIdPath, body: Withdrawal }, async ({ principal, path, body }) =>
  transitionResponse(await withdraw(workflowDeps, principal, path.id, body)),
);
