import { ListApplicationsQuery } from '../../schemas/lifecycle';
import { listLostBatches } from '../core/workflow';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { workflowDeps } from '../wiring/workflow';
import { listLostBatchesRoute } from '../../infra/routes';

/** listLostBatchesRoute (infra/routes.ts): a page of lost batches as stored. */
export const handler = httpRoute({ routes: [listLostBatchesRoute], issuers, query: ListApplicationsQuery }, async ({ principal, query }) =>
  pageResponse(await listLostBatches(workflowDeps, principal, pageRequest(query)), (item) => item),
);
