import { ApplicationSubmission } from '../../schemas/application';
import { submitApplication } from '../core/applications/filing';
import { submissionResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { applicationDeps } from '../wiring/applications';
import { submitApplicationRoute } from '../../infra/routes';

/** submitApplicationRoute (infra/routes.ts): 201 with the receipt; e-mails follow from the stream. */
export const handler = httpRoute(
  { routes: [submitApplicationRoute], issuers, body: ApplicationSubmission, idempotent: true },
  async ({ principal, body, idempotency }) => submissionResponse(principal, await submitApplication(applicationDeps, principal, body, idempotency)),
);
