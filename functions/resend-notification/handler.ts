import { ResendRequest } from '../../schemas/staff';
import { ApplicationIdPath } from '../../schemas/lifecycle';
import { resendNotification } from '../core/workflow';
import { httpRoute, json } from '../http/route';
import { issuers } from '../settings';
import { workflowDeps } from '../wiring/workflow';
import { resendNotificationRoute } from '../../infra/routes';

/** resendNotificationRoute (infra/routes.ts): 202, since the notifier sends it again from the stream. */
export const handler = httpRoute({ routes: [resendNotificationRoute], issuers, path: ApplicationIdPath, body: ResendRequest }, async ({ principal, path, body }) => {
  const event = await resendNotification(workflowDeps, principal, path.id, body);
  return json(202, { event: { id: event.id, type: event.type, at: event.at, details: event.details } });
});
