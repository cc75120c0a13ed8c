import { ListApplicationsQuery } from '../../schemas/lifecycle';
import { listReferrals } from '../core/applications/reading';
import { referralSummary } from '../core/views';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { applicationStore } from '../wiring/application-store';
import { listReferralsRoute } from '../../infra/routes';

/** GET /referrals: the officer's organisation's referrals with their status, newest first. */
export const handler = httpRoute({ routes: [listReferralsRoute], issuers, query: ListApplicationsQuery }, async ({ principal, query }) =>
  pageResponse(await listReferrals(applicationStore, principal, pageRequest(query)), referralSummary),
);
