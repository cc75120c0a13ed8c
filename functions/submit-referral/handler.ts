import { ReferralSubmission } from '../../schemas/referral';
import { submitReferral } from '../core/applications/filing';
import { submissionResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { applicationDeps } from '../wiring/applications';
import { submitReferralRoute } from '../../infra/routes';

/** submitReferralRoute (infra/routes.ts): 201 with the receipt; e-mails follow from the stream. */
export const handler = httpRoute(
  { routes: [submitReferralRoute], issuers, body: ReferralSubmission, idempotent: true },
  async ({ principal, body, idempotency }) => submissionResponse(principal, await submitReferral(applicationDeps, principal, body, idempotency)),
);
