import { ListApplicationsQuery } from '../../schemas/lifecycle';
import { listOwnApplications } from '../core/applications';
import { applicationSummary } from '../core/views';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { applicationDeps, issuers } from '../wiring';

/** GET /applications: the caller's own applications, newest first, `nextCursor` while more remain. */
export const handler = httpRoute({ roles: ['citizen'], issuers, query: ListApplicationsQuery }, async ({ principal, query }) =>
  pageResponse(await listOwnApplications(applicationDeps, principal, pageRequest(query)), applicationSummary),
);
