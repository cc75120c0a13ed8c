import { RetentionDueQuery } from '../../schemas/retention';
import { createRetentionRepository } from '../adapters/retention-repository';
import { listDue } from '../core/retention';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { documentClient, tableName } from '../wiring/table';
import { listRetentionDueRoute } from '../../infra/routes';

const deps = { store: createRetentionRepository(documentClient, tableName), clock: () => new Date() };

/** listRetentionDueRoute (infra/routes.ts): a page of due records. */
export const handler = httpRoute({ routes: [listRetentionDueRoute], issuers, query: RetentionDueQuery }, async ({ principal, query }) =>
  pageResponse(await listDue(deps, principal, query.month, pageRequest(query)), (record) => record),
);
