import { ReferralSubmission } from '../../schemas/referral';
import { submitReferral } from '../core/applications/filing';
import { submissionResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { applicationDeps } from '../wiring/applications';
import { submitReferralRoute } from '../../infra/routes';

/** POST /referrals: a social service, the NVA, a medical institution or the armed forces refer a client. */
export const handler = httpRoute(
  { routes: [submitReferralRoute], issuers, body: ReferralSubmission, idempotent: true },
  async ({ principal, body, idempotency }) => submissionResponse(principal, await submitReferral(applicationDeps, principal, body, idempotency)),
);
