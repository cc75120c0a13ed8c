import { FailedNotificationsQuery } from '../../schemas/staff';
import { listFailedNotifications } from '../core/workflow';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { workflowDeps } from '../wiring/workflow';
import { listFailedNotificationsRoute } from '../../infra/routes';

/** listFailedNotificationsRoute (infra/routes.ts): a page, each item linking to its application and its resend. */
export const handler = httpRoute({ routes: [listFailedNotificationsRoute], issuers, query: FailedNotificationsQuery }, async ({ principal, query }) =>
  pageResponse(await listFailedNotifications(workflowDeps, principal, query.serviceId, pageRequest(query)), (item) => ({
    ...item,
    links: { application: `/staff/applications/${item.applicationId}`, resend: `/staff/applications/${item.applicationId}/notifications/resend` },
  })),
);
