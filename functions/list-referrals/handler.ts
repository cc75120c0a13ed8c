import { ListApplicationsQuery } from '../../schemas/lifecycle';
import { listReferrals } from '../core/applications/reading';
import { referralSummary } from '../core/views';
import { pageRequest, pageResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { applicationStore } from '../wiring/application-store';
import { listReferralsRoute } from '../../infra/routes';

/** listReferralsRoute (infra/routes.ts): a page of the organisation's referral summaries. */
export const handler = httpRoute({ routes: [listReferralsRoute], issuers, query: ListApplicationsQuery }, async ({ principal, query }) =>
  pageResponse(await listReferrals(applicationStore, principal, pageRequest(query)), referralSummary),
);
