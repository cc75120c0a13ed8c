import { StaffListQuery } from '../../schemas/staff';
import { listWork } from '../core/workflow';
import { workSummary } from '../core/views';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { workflowDeps } from '../wiring/workflow';
import { listWorkRoute } from '../../infra/routes';

/** GET /staff/applications: the caller's services (or the one named), filtered, newest first or in queue order. */
export const handler = httpRoute({ routes: [listWorkRoute], issuers, query: StaffListQuery }, async ({ principal, query }) =>
  pageResponse(await listWork(workflowDeps, principal, query, pageRequest(query)), workSummary),
);
