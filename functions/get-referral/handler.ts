import { ApplicationIdPath } from '../../schemas/lifecycle';
import { referrerKinds } from '../../schemas/services';
import { getApplication } from '../core/applications';
import { applicationView } from '../core/views';
import { httpRoute, json } from '../http/route';
import { applicationDeps, issuers, rules } from '../wiring';

/** GET /referrals/{id}: one of the organisation's referrals with status and timeline; another organisation's is 404. */
export const handler = httpRoute({ roles: referrerKinds, issuers, path: ApplicationIdPath }, async ({ principal, path }) =>
  json(200, applicationView(await getApplication(applicationDeps, principal, path.id), rules)),
);
