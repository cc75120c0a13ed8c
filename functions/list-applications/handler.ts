import { ListApplicationsQuery } from '../../schemas/application';
import { applicationSummary, listOwnApplications } from '../core/applications';
import { httpRoute, json } from '../http/route';
import { applicationDeps, issuers } from '../wiring';

const defaultPageSize = 20;

/** GET /applications: the caller's own applications, newest first, `nextCursor` while more remain. */
export const handler = httpRoute({ roles: ['citizen'], issuers, query: ListApplicationsQuery }, async ({ principal, query }) => {
  const page = await listOwnApplications(applicationDeps, principal, {
    limit: query.limit ? Number(query.limit) : defaultPageSize,
    ...(query.cursor && { cursor: query.cursor }),
  });
  return json(200, { items: page.items.map(applicationSummary), ...(page.nextCursor && { nextCursor: page.nextCursor }) });
});
