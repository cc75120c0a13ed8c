import { StaffListQuery } from '../../schemas/staff';
import { listWork, workListCounts } from '../core/workflow';
import { workSummary } from '../core/views';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { createReportRepository } from '../adapters/report-repository';
import { documentClient, tableName } from '../wiring/table';
import { workflowDeps } from '../wiring/workflow';
import { listWorkRoute } from '../../infra/routes';

/** The standing counts per status, kept with the report's counters. */
const statusCounts = createReportRepository(documentClient, tableName);

/** listWorkRoute (infra/routes.ts): the page and the counts per status, read side by side. */
export const handler = httpRoute({ routes: [listWorkRoute], issuers, query: StaffListQuery }, async ({ principal, query }) => {
  const [page, counts] = await Promise.all([
    listWork(workflowDeps, principal, query, pageRequest(query)),
    workListCounts(statusCounts, principal, query.serviceId),
  ]);
  return pageResponse(page, workSummary, { counts });
});
