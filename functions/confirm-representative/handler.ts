import { RepresentativeConfirmation } from '../../schemas/decision';
import { ApplicationIdPath } from '../../schemas/lifecycle';
import { confirmRepresentative } from '../core/workflow';
import { transitionResponse } from '../http/transitions';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { workflowDeps } from '../wiring/workflow';
import { confirmRepresentativeRoute } from '../../infra/routes';

/** confirmRepresentativeRoute (infra/routes.ts): the core's transition answered as the application's new state. */
export const handler = httpRoute(
  { routes: [confirmRepresentativeRoute], issuers, path: ApplicationIdPath, body: RepresentativeConfirmation },
  async ({ principal, path, body }) => transitionResponse(await confirmRepresentative(workflowDeps, principal, path.id, body)),
);
