import { StaffListQuery } from '../../schemas/staff';
import { countWork, listWork } from '../core/workflow';
import { workSummary } from '../core/views';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers, workflowDeps } from '../wiring';

/**
 * GET /staff/applications: the caller's services (or the one named), filtered, newest first or in queue order. The
 * first page also carries the counts per status of those services (what the work list shows at its top).
 */
export const handler = httpRoute({ roles: ['staff'], issuers, query: StaffListQuery }, async ({ principal, query }) => {
  const [page, counts] = await Promise.all([
    listWork(workflowDeps, principal, query, pageRequest(query)),
    query.cursor ? undefined : countWork(workflowDeps, principal, query.serviceId),
  ]);
  return pageResponse(page, workSummary, counts ? { counts } : {});
});
