import { ListApplicationsQuery } from '../../schemas/lifecycle';
import { listApplicationsOf } from '../core/applications/reading';
import { citizenSummary } from '../core/views';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { applicationDeps } from '../wiring/applications';
import { listApplicationsRoute } from '../../infra/routes';

/** listApplicationsRoute (infra/routes.ts): a page of the citizen's summaries. */
export const handler = httpRoute({ routes: [listApplicationsRoute], issuers, query: ListApplicationsQuery }, async ({ principal, query }) =>
  pageResponse(await listApplicationsOf(applicationDeps, principal, pageRequest(query)), (application) => citizenSummary(principal, application)),
);
