import { ListApplicationsQuery } from '../../schemas/lifecycle';
import { listApplicationsOf } from '../core/applications/reading';
import { citizenSummary } from '../core/views';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { applicationDeps } from '../wiring/applications';
import { listApplicationsRoute } from '../../infra/routes';

/** GET /applications: what the caller filed and what was filed about them, each marked by who filed it; newest first, `nextCursor` while more remain. */
export const handler = httpRoute({ routes: [listApplicationsRoute], issuers, query: ListApplicationsQuery }, async ({ principal, query }) =>
  pageResponse(await listApplicationsOf(applicationDeps, principal, pageRequest(query)), (application) => citizenSummary(principal, application)),
);
