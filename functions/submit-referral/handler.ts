import { ReferralSubmission } from '../../schemas/referral';
import { referrerKinds } from '../../schemas/services';
import { submitReferral } from '../core/applications/filing';
import { submissionResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { applicationDeps } from '../wiring/applications';

/** POST /referrals: a social service, the NVA, a medical institution or the armed forces refer a client. */
export const handler = httpRoute(
  { roles: referrerKinds, issuers, body: ReferralSubmission, idempotent: true },
  async ({ principal, body, idempotency }) => submissionResponse(principal, await submitReferral(applicationDeps, principal, body, idempotency)),
);
